import { App, Button, Card, Dropdown, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, DownOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordsApi } from '../api';
import { detailActions, type RecordData } from '../extensions';
import { FieldValue, isBlank } from '../FieldValue';
import { fieldByKey, optionLabel, recordName, statusField, textOf, useLocale } from '../fields';
import { isConflict } from '../form/formValues';
import { listPath } from '../paths';

interface Props {
  meta: ObjectMeta;
  record: RecordData;
  onEdit(): void;
  onTransfer(): void;
  onDelete(): void;
  onChanged(record: RecordData): void;
  onReload(): Promise<unknown>;
}

const STATUS_COLORS = ['blue', 'green', 'orange', 'purple', 'cyan', 'red', 'gold', 'magenta'];

/** The record's header (§3.3.7): name, status tag (click to change), key fields, owner, and the actions menu. */
export function DetailHeader({ meta, record, onEdit, onTransfer, onDelete, onChanged, onReload }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const status = statusField(meta);
  const owner = fieldByKey(meta, 'ownerId');
  const keyFields = meta.defaultColumns
    .filter((k) => k !== meta.nameField && k !== status?.key && k !== 'ownerId')
    .map((k) => fieldByKey(meta, k))
    .filter((f): f is FieldMeta => !!f && !f.retired && !isBlank(record[f.key]))
    .slice(0, 4);

  const setStatus = async (value: string) => {
    if (!status || value === record[status.key]) return;
    try {
      onChanged(await recordsApi.update(meta.key, record.id, record.version, { [status.key]: value }));
      void message.success(t('common.saved'));
    } catch (error) {
      if (isConflict(error)) {
        modal.confirm({ title: t('records.conflict.title'), content: t('records.conflict.reloadHint'), okText: t('records.conflict.reload'), onOk: onReload });
      } else {
        void message.error((error as Error).message);
      }
    }
  };

  const statusValue = status ? (record[status.key] as string | null) : null;
  const statusIndex = status?.options?.findIndex((o) => o.value === statusValue) ?? -1;
  const actions = [
    { key: 'edit', icon: <EditOutlined />, label: t('common.edit'), onClick: onEdit },
    ...(meta.owned ? [{ key: 'transfer', icon: <SwapOutlined />, label: t('records.actions.transferTo'), onClick: onTransfer }] : []),
    { type: 'divider' as const },
    { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete'), onClick: onDelete },
  ];

  return (
    <Card styles={{ body: { padding: '16px 24px' } }} data-testid="detail-header">
      <Link to={listPath(meta.key)} style={{ fontSize: 13 }}><ArrowLeftOutlined /> {textOf(meta.label, locale)}</Link>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="detail-name">{recordName(meta, record)}</Typography.Title>
        {status && statusValue && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: (status.options ?? []).filter((o) => o.enabled || o.value === statusValue).map((o) => ({ key: o.value, label: textOf(o.label, locale) })),
              selectable: true, selectedKeys: [statusValue], onClick: ({ key }) => void setStatus(key),
            }}
          >
            <Tag color={STATUS_COLORS[statusIndex % STATUS_COLORS.length] ?? 'blue'} style={{ cursor: 'pointer' }} data-testid="detail-status">
              {optionLabel(status, statusValue, locale)} <DownOutlined style={{ fontSize: 10 }} />
            </Tag>
          </Dropdown>
        )}
        <div style={{ flex: 1 }} />
        <Space>
          {detailActions.filter((a) => a.objects.includes(meta.key)).sort((a, b) => a.order - b.order)
            .map((a) => <Fragment key={a.key}>{a.render({ object: meta, record, onChanged: () => void onReload() })}</Fragment>)}
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="detail-edit">{t('common.edit')}</Button>
          <Dropdown menu={{ items: actions }} trigger={['click']}>
            <Button data-testid="detail-actions">{t('common.actions')} <DownOutlined /></Button>
          </Dropdown>
        </Space>
      </div>
      <Space size={32} wrap style={{ marginTop: 12 }}>
        {keyFields.map((f) => (
          <div key={f.key}>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{textOf(f.label, locale)}</Typography.Text>
            <FieldValue field={f} record={record} compact />
          </div>
        ))}
        {owner && meta.owned && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{textOf(owner.label, locale)}</Typography.Text>
            <span data-testid="detail-owner"><FieldValue field={owner} record={record} compact /></span>
          </div>
        )}
      </Space>
    </Card>
  );
}

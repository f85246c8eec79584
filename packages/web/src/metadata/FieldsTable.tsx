import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { metadataApi, type AdminField, type ObjectSummary } from './api';
import { labelIn, typeName } from './names';
import { moved } from './OptionsEditor';
import { useRun } from '../api/useRun';

interface Props {
  object: string;
  objects: ObjectSummary[];
  /** The fields shown (retired ones may be hidden); `allKeys` is the whole order the server keeps. */
  fields: AdminField[];
  allKeys: string[];
  loading: boolean;
  onEdit(field: AdminField): void;
  onEditOptions(field: AdminField): void;
  /** Called after any change with the fields the server answered, or to reload them. */
  onChanged(fields?: AdminField[]): void;
}

/**
 * An object's fields in form order: standard or custom, type, required and create-form switches
 * (greyed where the system decides), retired state, and the actions each field allows. Rows are
 * dragged, or moved with the arrows, to arrange the form.
 */
export function FieldsTable({ object, objects, fields, allKeys, loading, onEdit, onEditOptions, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { modal } = App.useApp();
  const act = useRun();
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);

  const change = async (key: string, action: () => Promise<unknown>, success?: string) => {
    setBusy(key);
    await act(action, success);
    setBusy(null);
    onChanged();
  };
  /** Puts the field `fromKey` where `toKey` is, in the whole order (hidden retired fields keep their places). */
  const reorder = async (fromKey: string | undefined, toKey: string | undefined) => {
    const from = allKeys.indexOf(fromKey ?? '');
    const to = allKeys.indexOf(toKey ?? '');
    if (from < 0 || to < 0 || from === to) return;
    const keys = moved(allKeys, from, to);
    setBusy('order');
    let answered: AdminField[] | undefined;
    await act(async () => {
      answered = await metadataApi.order(object, keys);
    }, t('metadata.fields.orderSaved'));
    setBusy(null);
    onChanged(answered);
  };
  const retire = (field: AdminField) =>
    modal.confirm({
      title: t('metadata.field.retireConfirm', { name: labelIn(field.label, me.locale) }),
      content: t('metadata.field.retireHint'),
      okButtonProps: { danger: true },
      onOk: () => change(field.key, () => metadataApi.retire(object, field.key), t('metadata.field.retiredDone')),
    });
  const lookupName = (key: string | null) => labelIn(objects.find((o) => o.key === key)?.label ?? { zh: key ?? '', en: key ?? '' }, me.locale);

  return (
    <Table<AdminField>
      data-testid="fields-table"
      rowKey="key"
      size="middle"
      loading={loading || busy === 'order'}
      pagination={false}
      scroll={{ x: 846 }}
      dataSource={fields}
      rowClassName={(f) => (f.retired ? 'field-retired' : '')}
      onRow={(field, index) => ({
        'data-testid': `field-row-${field.key}`,
        draggable: true,
        onDragStart: () => setDragging(field.key),
        onDragOver: (e) => e.preventDefault(),
        onDrop: () => {
          setDragging(null);
          if (dragging && index !== undefined) void reorder(dragging, fields[index]?.key);
        },
        style: { opacity: field.retired ? 0.55 : dragging === field.key ? 0.4 : 1 },
      } as HTMLAttributes<HTMLElement>)}
      columns={[
        {
          key: 'order', width: 84,
          render: (_, field, index) => (
            <Space size={2}>
              <HolderOutlined style={{ cursor: 'grab', color: '#999' }} />
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('metadata.field.moveUp')} onClick={() => void reorder(field.key, fields[index - 1]?.key)} data-testid={`field-up-${field.key}`} />
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} aria-label={t('metadata.field.moveDown')} onClick={() => void reorder(field.key, fields[index + 1]?.key)} />
            </Space>
          ),
        },
        {
          title: t('metadata.field.name'), key: 'name', width: 170,
          render: (_, f) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{labelIn(f.label, me.locale)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.key}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('metadata.field.kind'), key: 'kind', width: 72,
          render: (_, f) => (f.custom ? <Tag color="blue">{t('metadata.field.custom')}</Tag> : <Tag>{t('metadata.field.standard')}</Tag>),
        },
        {
          title: t('metadata.field.type'), key: 'type', width: 130,
          render: (_, f) => (f.type === 'lookup' && f.lookup ? `${typeName(t, f.type)} · ${lookupName(f.lookup)}` : typeName(t, f.type)),
        },
        {
          title: t('metadata.field.required'), key: 'required', width: 64, align: 'center',
          render: (_, f) => (
            <Switch
              size="small" checked={f.required} disabled={!f.can.required || f.retired || busy === f.key} data-testid={`field-required-${f.key}`}
              onChange={(required) => void change(f.key, () => metadataApi.updateField(object, f.key, required ? { required, onCreate: true } : { required }))}
            />
          ),
        },
        {
          title: <Tooltip title={t('metadata.field.onCreateHint')}>{t('metadata.field.onCreate')}</Tooltip>, key: 'onCreate', width: 90, align: 'center',
          render: (_, f) => (
            <Switch
              size="small" checked={f.onCreate} disabled={!f.can.onCreate || f.retired || busy === f.key} data-testid={`field-on-create-${f.key}`}
              onChange={(onCreate) => void change(f.key, () => metadataApi.updateField(object, f.key, { onCreate }))}
            />
          ),
        },
        {
          title: t('metadata.field.status'), key: 'status', width: 86,
          render: (_, f) => (f.retired
            ? <Tag color="default" data-testid={`field-retired-${f.key}`}>{t('metadata.field.retired')}</Tag>
            : f.readOnly ? <Tag color="purple">{t('metadata.field.readOnly')}</Tag> : <Tag color="green">{t('metadata.field.active')}</Tag>),
        },
        {
          title: t('common.actions'), key: 'actions', width: 150,
          render: (_, f) => (
            <Space size={0} wrap>
              <Button size="small" type="link" onClick={() => onEdit(f)} data-testid={`field-edit-${f.key}`}>{t('common.edit')}</Button>
              {f.can.options && !f.retired && (
                <Button size="small" type="link" onClick={() => onEditOptions(f)} data-testid={`field-options-${f.key}`}>{t('metadata.options.label')}</Button>
              )}
              {f.can.retire && (f.retired
                ? <Button size="small" type="link" onClick={() => void change(f.key, () => metadataApi.restore(object, f.key), t('metadata.field.restoredDone'))} data-testid={`field-restore-${f.key}`}>{t('metadata.field.restore')}</Button>
                : <Button size="small" type="link" danger onClick={() => retire(f)} data-testid={`field-retire-${f.key}`}>{t('metadata.field.retire')}</Button>)}
            </Space>
          ),
        },
      ]}
    />
  );
}

import { Alert, App, Modal, Radio, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../records/extensions';
import { FieldValue } from '../../records/FieldValue';
import { fieldByKey, recordName, textOf, useLocale } from '../../records/fields';
import { useAllObjects } from '../../records/useObjectMeta';
import { accountApi, type MergePreview, type MergeResult } from './api';

interface Props {
  open: boolean;
  meta: ObjectMeta;
  ids: string[];
  onClose(): void;
  onMerged(result: MergeResult): void;
}

type Row = { key: string } & ({ kind: 'field'; field: FieldMeta; differs: boolean } | { kind: 'created' } | { kind: 'related'; related: string });

/** Kinds of related records that are not another object's lookup, named in this area's catalogue. */
const OWN_KINDS = new Set(['lead', 'task', 'activity', 'file', 'team']);

/**
 * 合并客户 (§3.5.10): the accounts side by side; pick the 主记录 and, for each field whose values
 * differ, which value the merged account keeps. What hangs on each account is counted below.
 */
export function MergeAccountsDialog({ open, meta, ids, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const objects = useAllObjects();
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [masterId, setMasterId] = useState<string | undefined>();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const idList = ids.join(',');

  useEffect(() => {
    if (!open) return;
    let current = true;
    setPreview(null);
    setFailure(null);
    setPicked({});
    setShowAll(false);
    void accountApi.mergePreview(idList.split(',')).then((p) => {
      if (!current) return;
      setPreview(p);
      setMasterId(p.accounts[0]?.record.id);
    }, (e: Error) => { if (current) setFailure(e.message); });
    return () => { current = false; };
  }, [open, idList]);

  const accounts = preview?.accounts ?? [];
  const sourceOf = (key: string) => picked[key] ?? masterId;

  const submit = async () => {
    if (!preview || !masterId) return;
    const byId = new Map(accounts.map((a) => [a.record.id, a.record]));
    const values = Object.fromEntries(preview.fields
      .filter((f) => f.differs && sourceOf(f.key) !== masterId)
      .map((f) => [f.key, byId.get(sourceOf(f.key)!)?.[f.key] ?? null]));
    setSaving(true);
    try {
      const result = await accountApi.merge({
        masterId, otherIds: accounts.map((a) => a.record.id).filter((id) => id !== masterId), values,
        versions: Object.fromEntries(accounts.map((a) => [a.record.id, a.record.version])),
      });
      void message.success(t('account.merge.done', { count: result.merged.length, name: recordName(meta, result.account) }));
      onMerged(result);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const relatedLabel = (kind: string) => {
    if (OWN_KINDS.has(kind)) return t(`account.merge.related.${kind}`);
    const object = objects?.find((o) => o.key === kind);
    return object ? textOf(object.label, locale) : kind;
  };
  const earliest = accounts.reduce<RecordData | null>((a, { record }) => (!a || String(record.createdAt) < String(a.createdAt) ? record : a), null);
  const fieldRows: Row[] = (preview?.fields ?? [])
    .filter((f) => showAll || f.differs)
    .flatMap((f) => { const field = fieldByKey(meta, f.key); return field ? [{ key: f.key, kind: 'field' as const, field, differs: f.differs }] : []; });
  const relatedKinds = Object.keys(accounts[0]?.related ?? {}).filter((kind) => accounts.some((a) => (a.related[kind] ?? 0) > 0));
  const rows: Row[] = [...fieldRows, { key: 'createdAt', kind: 'created' }, ...relatedKinds.map((related) => ({ key: `related-${related}`, kind: 'related' as const, related }))];

  const cell = (row: Row, record: RecordData, related: Record<string, number>) => {
    if (row.kind === 'created') {
      return <Space>{dayjs(String(record.createdAt)).format('YYYY-MM-DD HH:mm')}{record === earliest && <Tag color="blue">{t('account.merge.kept')}</Tag>}</Space>;
    }
    if (row.kind === 'related') return <span data-testid={`merge-related-${row.related}-${record.id}`}>{related[row.related] ?? 0}</span>;
    if (!row.differs) return <FieldValue field={row.field} record={record} compact />;
    return (
      <Radio checked={sourceOf(row.key) === record.id} onChange={() => setPicked((p) => ({ ...p, [row.key]: record.id }))} data-testid={`merge-pick-${row.key}-${record.id}`}>
        <FieldValue field={row.field} record={record} compact />
      </Radio>
    );
  };

  const columns: ColumnsType<Row> = [
    {
      key: 'label', title: t('account.merge.field'), width: 140, fixed: 'left',
      render: (_, row) => (row.kind === 'field' ? textOf(row.field.label, locale) : row.kind === 'created' ? t('account.merge.createdAt') : relatedLabel(row.related)),
    },
    ...accounts.map(({ record, related }) => ({
      key: record.id,
      title: (
        <Space orientation="vertical" size={0}>
          <Radio checked={masterId === record.id} onChange={() => setMasterId(record.id)} data-testid={`merge-master-${record.id}`}>{t('account.merge.master')}</Radio>
          <Typography.Text strong>{recordName(meta, record)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{record.display?.ownerId ?? ''}</Typography.Text>
        </Space>
      ),
      render: (_: unknown, row: Row) => cell(row, record, related),
    })),
  ];

  return (
    <Modal
      open={open} title={t('account.merge.title', { count: ids.length })} width={Math.min(1200, 260 + 280 * Math.max(2, ids.length))}
      onCancel={onClose} destroyOnHidden okText={t('account.merge.submit')}
      okButtonProps={{ disabled: !preview || !masterId, loading: saving, danger: true, ...{ 'data-testid': 'merge-ok' } }}
      onOk={() => void submit()}
    >
      {failure && <Alert type="error" showIcon title={failure} data-testid="merge-error" />}
      {!preview && !failure && <Spin />}
      {preview && (
        <div data-testid="merge-dialog">
          <Alert type="warning" showIcon title={t('account.merge.hint')} style={{ marginBottom: 12 }} />
          <Space style={{ marginBottom: 8 }}>
            <Switch size="small" checked={showAll} onChange={setShowAll} data-testid="merge-show-all" />
            <Typography.Text>{t('account.merge.showAll')}</Typography.Text>
            <Typography.Text type="secondary">{t('account.merge.ownerNote')}</Typography.Text>
          </Space>
          <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content', y: 480 }} />
        </div>
      )}
    </Modal>
  );
}

import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { AppstoreOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordData } from '../extensions';
import { FieldValue } from '../FieldValue';
import { fieldByKey, recordName, textOf, useLocale } from '../fields';
import { RecordForm } from '../form/RecordForm';
import { useRecordList } from '../list/useRecordList';
import { recordPath } from '../paths';
import { onRelatedCreated, type Relation } from './relations';

interface Props {
  parent: ObjectMeta;
  record: RecordData;
  relation: Relation;
}

const PAGE_SIZE = 20;

/** An account's contacts, opportunities … (§3.5.6): as cards or a table, "+" creates one linked to this record. */
export function RelatedList({ parent, record, relation }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { object: meta, field: link } = relation;
  const [layout, setLayout] = useState<'cards' | 'table'>('cards');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { page: data, loading, error, reload } = useRecordList(meta.key, {
    filter: { field: link.key, op: 'eq', value: record.id }, view: 'all', page, pageSize: PAGE_SIZE,
  });
  useEffect(() => onRelatedCreated(meta.key, () => void reload()), [meta.key, reload]);
  const shown = meta.defaultColumns
    .filter((k) => k !== meta.nameField && k !== link.key)
    .map((k) => fieldByKey(meta, k))
    .filter((f): f is FieldMeta => !!f && !f.retired);
  const items = data?.items ?? [];
  const label = textOf(meta.label, locale);

  const nameLink = (r: RecordData) => <Link to={recordPath(meta.key, r.id)}>{recordName(meta, r)}</Link>;

  return (
    <div data-testid={`related-${meta.key}`}>
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 12, gap: 8 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary">({data?.totalCapped ? '10,000+' : data?.total ?? 0})</Typography.Text>
        <div style={{ flex: 1 }} />
        <Segmented
          size="small" value={layout} onChange={(v) => setLayout(v as 'cards' | 'table')} data-testid={`related-layout-${meta.key}`}
          options={[
            { value: 'cards', icon: <AppstoreOutlined />, title: t('records.related.cards') },
            { value: 'table', icon: <TableOutlined />, title: t('records.related.table') },
          ]}
        />
        {!link.readOnly && (
          <Tooltip title={t('records.related.create', { object: label })}>
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`related-create-${meta.key}`} aria-label={t('records.related.create', { object: label })} />
          </Tooltip>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} />}
      {layout === 'cards' ? (
        items.length === 0 && !loading ? <Empty description={t('records.list.empty', { object: label })} /> : (
          <Row gutter={[12, 12]}>
            {items.map((r) => (
              <Col key={r.id} xs={24} md={12} xl={8}>
                <Card size="small" title={nameLink(r)}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    {shown.slice(0, 4).map((f) => (
                      <div key={f.key} style={{ display: 'flex', gap: 8 }}>
                        <Typography.Text type="secondary" style={{ width: 90, flex: 'none' }}>{textOf(f.label, locale)}</Typography.Text>
                        <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}><FieldValue field={f} record={r} /></span>
                      </div>
                    ))}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        )
      ) : (
        <Table<RecordData>
          rowKey="id" size="small" loading={loading} dataSource={items} scroll={{ x: 'max-content' }}
          columns={[
            { key: meta.nameField, title: textOf(fieldByKey(meta, meta.nameField)?.label ?? meta.label, locale), render: (_: unknown, r: RecordData) => nameLink(r) },
            ...shown.map((f) => ({ key: f.key, title: textOf(f.label, locale), ellipsis: true, render: (_: unknown, r: RecordData) => <FieldValue field={f} record={r} compact /> })),
          ]}
          pagination={false}
        />
      )}
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Space style={{ marginTop: 12 }}>
          <Button size="small" disabled={page === 1} onClick={() => setPage(page - 1)}>{t('records.related.prev')}</Button>
          <Button size="small" disabled={page * PAGE_SIZE >= (data?.total ?? 0)} onClick={() => setPage(page + 1)}>{t('records.related.next')}</Button>
        </Space>
      )}
      <RecordForm
        meta={meta} open={creating} prefill={{ [link.key]: record.id }} prefillDisplay={{ [link.key]: recordName(parent, record) }}
        onClose={() => setCreating(false)} onSaved={() => { setCreating(false); void reload(); }}
      />
    </div>
  );
}

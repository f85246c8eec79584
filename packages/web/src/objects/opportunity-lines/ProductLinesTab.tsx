import { Alert, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordData } from '../../records/extensions';
import { recordPath } from '../../records/paths';
import { AddProductsModal } from './AddProductsModal';
import { linesApi, type Line } from './api';
import { LineEditModal } from './LineEditModal';
import { money } from './money';
import { useRelatedState } from './useLines';

interface Props {
  object: ObjectMeta;
  record: RecordData;
  refresh: () => void;
}

/** 产品 on the opportunity page (§3.7.5 查看或添加产品): the lines, their totals and the amount they make. */
export function ProductLinesTab({ record, refresh }: Props) {
  const { t } = useTranslation();
  const { state, busy, change } = useRelatedState(() => linesApi.list(record.id), [record.id, record.version], refresh);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Line | null>(null);
  const canWrite = state?.canWrite ?? false;

  const columns = [
    { key: 'product', title: t('opportunityLines.col.product'), render: (_: unknown, l: Line) => <Link to={recordPath('product', l.productId)}>{l.productName}</Link> },
    { key: 'standardPrice', title: t('opportunityLines.col.standardPrice'), align: 'right' as const, render: (_: unknown, l: Line) => money(l.standardPrice) },
    { key: 'price', title: t('opportunityLines.col.price'), align: 'right' as const, render: (_: unknown, l: Line) => money(l.price) },
    { key: 'quantity', title: t('opportunityLines.col.quantity'), align: 'right' as const, dataIndex: 'quantity' },
    { key: 'discount', title: t('opportunityLines.col.discount'), align: 'right' as const, dataIndex: 'discount' },
    { key: 'total', title: t('opportunityLines.col.total'), align: 'right' as const, render: (_: unknown, l: Line) => <span data-testid="line-total">{money(l.total)}</span> },
    { key: 'unit', title: t('opportunityLines.col.unit'), render: (_: unknown, l: Line) => l.unit ?? '—' },
    { key: 'remark', title: t('opportunityLines.col.remark'), render: (_: unknown, l: Line) => l.remark ?? '' },
    ...(canWrite ? [{
      key: 'actions', title: t('common.actions'), width: 96,
      render: (_: unknown, l: Line) => (
        <Space size={0}>
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('opportunityLines.products.edit')} onClick={() => setEditing(l)} data-testid="line-edit" />
          <Popconfirm
            title={t('opportunityLines.products.removeConfirm', { name: l.productName })}
            onConfirm={() => change(() => linesApi.remove(record.id, l.id), t('opportunityLines.products.removed'))}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('opportunityLines.remove')} data-testid="line-remove" />
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <div data-testid="opportunity-products">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Typography.Text strong data-testid="lines-summary">
          {t('opportunityLines.products.summary', { count: state?.items.length ?? 0, total: money(state?.total ?? '0') })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {canWrite && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="lines-add">{t('opportunityLines.products.add')}</Button>}
      </div>
      {state && state.items.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('opportunityLines.products.amountRule')} />}
      <Table<Line>
        rowKey="id" size="small" loading={!state || busy} pagination={false} columns={columns} dataSource={state?.items ?? []}
        locale={{ emptyText: t('opportunityLines.products.empty') }} scroll={{ x: true }}
      />
      <AddProductsModal
        open={adding} onClose={() => setAdding(false)}
        onAdd={async (items) => {
          const ok = await change(() => linesApi.add(record.id, items), t('opportunityLines.products.saved'));
          if (ok) setAdding(false);
        }}
      />
      <LineEditModal
        line={editing} onClose={() => setEditing(null)}
        onSave={async (lineChange) => {
          if (!editing) return;
          const ok = await change(() => linesApi.change(record.id, editing.id, lineChange), t('common.saved'));
          if (ok) setEditing(null);
        }}
      />
    </div>
  );
}

import { Form, Input, Modal, Table, Typography } from 'antd';
import type { FilterNode } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../records/extensions';
import { fieldByKey, optionLabel, useLocale } from '../../records/fields';
import { useRecordList } from '../../records/list/useRecordList';
import { useObjectMeta } from '../../records/useObjectMeta';
import type { NewLine } from './api';
import { LineInputs } from './LineEditModal';
import { money, previewTotal, sumMoney } from './money';

interface Props {
  open: boolean;
  onClose(): void;
  onAdd(items: NewLine[]): Promise<void>;
}

type LineValues = Record<string, { price?: string; quantity?: string; discount?: string }>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * 添加产品 (§3.9.2's dialog, used for opportunities too): tick products of the catalogue (enabled
 * ones), then set each one's price, quantity and discount before saving them all at once.
 */
export function AddProductsModal({ open, onClose, onAdd }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meta } = useObjectMeta('product');
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<RecordData[]>([]);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ items: LineValues }>();
  const values = (Form.useWatch('items', form) ?? {}) as LineValues;

  const filter: FilterNode = keyword.trim()
    ? { and: [{ field: 'enabled', op: 'eq', value: true }, { field: 'name', op: 'contains', value: keyword.trim() }] }
    : { field: 'enabled', op: 'eq', value: true };
  const { page: list, loading } = useRecordList('product', open ? { filter, sort: 'name', page, pageSize: 8 } : null);

  useEffect(() => {
    if (!open) return;
    setChosen([]);
    setKeyword('');
    setPage(1);
    form.resetFields();
  }, [open, form]);

  const choose = (rows: RecordData[]) => {
    const fresh = rows.filter((r) => !chosen.some((c) => c.id === r.id));
    setChosen(rows);
    form.setFieldsValue({ items: Object.fromEntries(fresh.map((r) => [r.id, { price: str(r.price), quantity: '1', discount: '100' }])) });
  };

  const category = (r: RecordData) => {
    const field = meta && fieldByKey(meta, 'categoryId');
    return field && r.categoryId ? optionLabel(field, String(r.categoryId), locale) : '';
  };

  const totals = chosen.map((r) => previewTotal(str(values[r.id]?.price), str(values[r.id]?.quantity), str(values[r.id]?.discount)));

  const submit = async () => {
    if (chosen.length === 0) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await onAdd(chosen.map((r) => ({ productId: r.id, price: str(v.items[r.id]?.price), quantity: str(v.items[r.id]?.quantity), discount: str(v.items[r.id]?.discount) })));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} title={t('opportunityLines.products.add')} width={900} onCancel={onClose} onOk={() => void submit()} destroyOnHidden
      confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ disabled: chosen.length === 0, 'data-testid': 'products-save' }}
    >
      <Typography.Text strong>{t('opportunityLines.products.pick')}</Typography.Text>
      <Input.Search
        allowClear placeholder={t('opportunityLines.products.keyword')} style={{ margin: '8px 0' }} data-testid="products-search"
        onSearch={(k) => { setKeyword(k); setPage(1); }}
      />
      <Table<RecordData>
        rowKey="id" size="small" loading={loading} dataSource={list?.items ?? []} data-testid="products-pick"
        rowSelection={{ selectedRowKeys: chosen.map((c) => c.id), preserveSelectedRowKeys: true, onChange: (_keys, rows) => choose(rows.filter(Boolean)) }}
        pagination={{ current: page, pageSize: 8, total: list?.total ?? 0, onChange: setPage, size: 'small' }}
        columns={[
          { key: 'name', title: t('opportunityLines.col.product'), dataIndex: 'name' },
          { key: 'category', title: t('opportunityLines.col.category'), render: (_, r) => category(r) },
          { key: 'price', title: t('opportunityLines.col.standardPrice'), align: 'right', render: (_, r) => money(r.price == null ? null : String(r.price)) },
          { key: 'unit', title: t('opportunityLines.col.unit'), render: (_, r) => str(r.unit) },
          { key: 'description', title: t('opportunityLines.col.description'), ellipsis: true, render: (_, r) => str(r.description) },
        ]}
      />
      <Typography.Text strong>{t('opportunityLines.products.chosen')}</Typography.Text>
      <Form form={form} layout="vertical" style={{ marginTop: 8 }} data-testid="products-chosen">
        {chosen.length === 0 && <Typography.Paragraph type="secondary">{t('opportunityLines.products.noneChosen')}</Typography.Paragraph>}
        {chosen.map((r, i) => (
          <div key={r.id} style={{ display: 'flex', gap: 12, alignItems: 'center' }} data-testid="chosen-product">
            <div style={{ width: 180 }}><Typography.Text>{str(r.name)}</Typography.Text></div>
            <div style={{ flex: 1 }}><LineInputs prefix={['items', r.id]} /></div>
            <div style={{ width: 120, textAlign: 'right' }}><Typography.Text strong>¥{money(totals[i])}</Typography.Text></div>
          </div>
        ))}
      </Form>
      {chosen.length > 0 && (
        <Typography.Text strong>
          {t('opportunityLines.products.summary', { count: chosen.length, total: money(sumMoney(totals.map((x) => x ?? '0'))) })}
        </Typography.Text>
      )}
    </Modal>
  );
}

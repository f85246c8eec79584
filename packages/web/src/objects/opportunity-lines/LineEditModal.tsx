import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line, LineChange } from './api';
import { money, previewTotal, validDiscount, validQuantity } from './money';

interface Props {
  line: Line | null;
  onClose(): void;
  onSave(change: LineChange): Promise<void>;
}

interface Values {
  price: string;
  quantity: string;
  discount: string;
  remark: string;
}

/** 编辑产品: one line's price, quantity, discount and remark, with its 总价 worked out as you type. */
export function LineEditModal({ line, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as Values | undefined;

  useEffect(() => {
    if (line) form.setFieldsValue({ price: line.price, quantity: line.quantity, discount: line.discount, remark: line.remark ?? '' });
  }, [line, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await onSave({ price: v.price, quantity: v.quantity, discount: v.discount, remark: v.remark || null });
    } finally {
      setSaving(false);
    }
  };

  const total = values ? previewTotal(String(values.price ?? ''), String(values.quantity ?? ''), String(values.discount ?? '')) : null;
  return (
    <Modal
      open={!!line} title={`${t('opportunityLines.products.edit')}：${line?.productName ?? ''}`} onCancel={onClose} onOk={() => void submit()}
      confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden okButtonProps={{ 'data-testid': 'line-edit-save' }}
    >
      <Form form={form} layout="vertical" data-testid="line-edit-form">
        <LineInputs />
        <Form.Item name="remark" label={t('opportunityLines.col.remark')}><Input maxLength={500} /></Form.Item>
      </Form>
      <Typography.Text strong>{t('opportunityLines.col.total')}：¥{money(total)}</Typography.Text>
    </Modal>
  );
}

/** 产品价格, 产品数量 and 折扣 as exact decimal strings (stringMode: never a float). */
export function LineInputs({ prefix }: { prefix?: (string | number)[] }) {
  const { t } = useTranslation();
  const name = (key: string) => (prefix ? [...prefix, key] : key);
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      <Form.Item name={name('price')} label={t('opportunityLines.col.price')} style={{ flex: 1 }} rules={[{ required: true, message: t('opportunityLines.needPrice') }]}>
        <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} data-testid="line-price" />
      </Form.Item>
      <Form.Item
        name={name('quantity')} label={t('opportunityLines.col.quantity')} style={{ flex: 1 }}
        rules={[{ validator: async (_, v) => { if (!validQuantity(String(v ?? ''))) throw new Error(t('opportunityLines.badNumber')); } }]}
      >
        <InputNumber<string> stringMode min="0" max="9999999999" style={{ width: '100%' }} data-testid="line-quantity" />
      </Form.Item>
      <Form.Item
        name={name('discount')} label={t('opportunityLines.col.discount')} style={{ flex: 1 }} tooltip={t('opportunityLines.discountHint')}
        rules={[{ validator: async (_, v) => { if (!validDiscount(String(v ?? ''))) throw new Error(t('opportunityLines.badDiscount')); } }]}
      >
        <InputNumber<string> stringMode min="0" max="100" suffix="%" style={{ width: '100%' }} data-testid="line-discount" />
      </Form.Item>
    </div>
  );
}

import { Form, Modal, Select } from 'antd';
import type { LostReason } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../../records/fields';

interface Props {
  open: boolean;
  reasons: LostReason[];
  onCancel(): void;
  /** Resolves when the move is done (the dialog then closes) or refused (it stays open). */
  onConfirm(reason: string): Promise<boolean>;
}

/** 关闭该销售机会: closing as lost needs one of the administrator's loss reasons (§4.1.7). */
export function LostReasonModal({ open, reasons, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setReason(undefined);
      setTouched(false);
    }
  }, [open]);

  const confirm = async () => {
    setTouched(true);
    if (!reason) return;
    setBusy(true);
    try {
      await onConfirm(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open} title={t('sales.lost.title')} okText={t('sales.lost.ok')} okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'lost-ok' } }}
      onOk={() => void confirm()} onCancel={onCancel} destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('sales.lost.reason')} required validateStatus={touched && !reason ? 'error' : undefined} help={touched && !reason ? t('sales.lost.reasonRequired') : undefined}>
          <Select
            data-testid="lost-reason" value={reason} onChange={setReason} placeholder={t('sales.lost.reasonRequired')}
            options={reasons.filter((r) => r.enabled).map((r) => ({ value: r.value, label: textOf(r.label, locale) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org/UserPicker';

interface Props {
  open: boolean;
  title: string;
  /** The current owner, who is not offered. */
  ownerId?: string;
  onClose(): void;
  onTransfer(ownerId: string): Promise<void>;
}

/** 转移给他人 (§3.5.8): choose the colleague who takes the record over. */
export function TransferModal({ open, title, ownerId, onClose, onTransfer }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) setTarget(null);
  }, [open]);
  const ok = async () => {
    if (!target) return;
    setSaving(true);
    try {
      await onTransfer(target);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open} title={title} onCancel={onClose} onOk={() => void ok()} destroyOnHidden
      okButtonProps={{ disabled: !target, loading: saving, ...{ 'data-testid': 'transfer-ok' } }}
    >
      <Form layout="vertical">
        <Form.Item label={t('records.transfer.to')} required extra={t('records.transfer.hint')}>
          <UserPicker value={target} onChange={setTarget} excludeId={ownerId} data-testid="transfer-user" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

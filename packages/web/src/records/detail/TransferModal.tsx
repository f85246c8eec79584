import { App, Form, Modal } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org/UserPicker';
import { recordsApi } from '../api';
import { transferAddons, type RecordData } from '../extensions';
import { recordName } from '../fields';

interface Props {
  open: boolean;
  meta: ObjectMeta;
  record: RecordData;
  onClose(): void;
  /** The record as it is after the transfer. */
  onTransferred(record: RecordData): void;
}

/**
 * 转移给他人 (§3.5.8): choose the colleague who takes the record over. Objects with a transfer
 * addon (客户: which related records follow) add their choices and do the transfer themselves.
 */
export function TransferModal({ open, meta, record, onClose, onTransferred }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const addon = transferAddons.find((a) => a.objects.includes(meta.key));
  const [target, setTarget] = useState<string | null>(null);
  const [extra, setExtra] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    setTarget(null);
    setExtra(undefined);
  }, [open]);

  const ok = async () => {
    if (!target) return;
    setSaving(true);
    try {
      if (addon) {
        const [result] = await addon.transfer({ object: meta, ids: [record.id], ownerId: target, value: extra });
        if (!result?.ok || !result.record) throw new Error(result?.error?.message);
        onTransferred(result.record);
        void message.success(result.note ? `${t('records.transfer.done')}：${result.note}` : t('records.transfer.done'));
      } else {
        onTransferred(await recordsApi.transfer(meta.key, record.id, target));
        void message.success(t('records.transfer.done'));
      }
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} title={t('records.transfer.title', { name: recordName(meta, record) })} onCancel={onClose} onOk={() => void ok()} destroyOnHidden
      okButtonProps={{ disabled: !target, loading: saving, ...{ 'data-testid': 'transfer-ok' } }}
    >
      <Form layout="vertical">
        <Form.Item label={t('records.transfer.to')} required extra={t('records.transfer.hint')}>
          <UserPicker value={target} onChange={setTarget} excludeId={record.ownerId as string | undefined} data-testid="transfer-user" />
        </Form.Item>
        {addon?.render({ object: meta, batch: false, value: extra, onChange: setExtra })}
      </Form>
    </Modal>
  );
}

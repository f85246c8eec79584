import { App, Form, Input, Modal, Select } from 'antd';
import type { PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { poolApi } from './api';

interface Props {
  object: PoolObjectKey;
  recordId: string;
  recordName: string;
  open: boolean;
  /** The record's group, when the user belongs to it. */
  group?: PoolGroup;
  groups: PoolGroup[];
  onClose(): void;
  onReturned(): void;
}

/**
 * 退回公海池 (§3.3.7, §3.5.11): a reason, and the target group only when the record's group lets
 * its members move records (or the user administers it); otherwise it goes back to its own group.
 */
export function ReturnToPoolModal({ object, recordId, recordName, open, group, groups, onClose, onReturned }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [groupId, setGroupId] = useState<string | undefined>(group?.id);
  const [running, setRunning] = useState(false);
  const mayMove = !!group && (group.membersMayMove || group.canAdminister);

  useEffect(() => {
    if (open) {
      setReason('');
      setGroupId(group?.id);
    }
  }, [open, group?.id]);

  const submit = async () => {
    setRunning(true);
    try {
      const [result] = await poolApi.batch(object, 'return', {
        ids: [recordId], reason: reason.trim() || undefined, ...(mayMove && groupId && groupId !== group?.id ? { groupId } : {}),
      });
      if (result && !result.ok) {
        void message.error(result.error?.message ?? t('pool.return.failed'));
        return;
      }
      void message.success(t('pool.return.done', { name: recordName }));
      onReturned();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Modal
      open={open} title={t('pool.return.title', { name: recordName })} onCancel={onClose} destroyOnHidden
      okButtonProps={{ loading: running, ...{ 'data-testid': 'pool-return-ok' } }} onOk={() => void submit()}
    >
      <Form layout="vertical">
        {mayMove && (
          <Form.Item label={t('pool.return.group')}>
            <Select value={groupId} onChange={setGroupId} data-testid="pool-return-group" options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('pool.return.reason')}>
          <Input.TextArea
            value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('pool.return.reasonHint')} data-testid="pool-return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

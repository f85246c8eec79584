import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { ApartmentOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ObjectMeta, PoolObjectKey } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchResult } from '../../records/api';
import type { RecordData } from '../../records/extensions';
import { textOf, useLocale } from '../../records/fields';
import { poolApi } from './api';
import { groupOf } from './pools';
import { useBatchReport } from './useBatchReport';
import { usePoolGroups } from './usePoolGroups';

interface Props {
  object: ObjectMeta;
  selected: RecordData[];
  onDone(): void;
}

/** Runs one batch call with the button's spinner, reports per record, and closes the dialog. */
function useBatchRun(meta: ObjectMeta, selected: RecordData[], onDone: () => void) {
  const { message } = App.useApp();
  const report = useBatchReport(meta, selected);
  const [running, setRunning] = useState(false);
  const run = async (call: () => Promise<BatchResult[]>, done: string, close: () => void) => {
    setRunning(true);
    try {
      report(await call(), done);
      close();
      onDone();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return { running, run };
}

/**
 * 退回公海池 from the list (§3.5.11 方法一): many records at once, with a reason. Another group can
 * be chosen only when every selected record's group lets its members move records (or the user
 * administers them); otherwise each goes back to its own group. The server answers per record.
 */
export function ReturnToPoolBatch({ object: meta, selected, onDone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const object = meta.key as PoolObjectKey;
  const { groups } = usePoolGroups(object);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [groupId, setGroupId] = useState<string | undefined>();
  const { running, run } = useBatchRun(meta, selected, onDone);
  const known = groups ?? [];
  const mayMove = selected.every((r) => {
    const g = groupOf(r, known);
    return !!g && (g.membersMayMove || g.canAdminister);
  });

  return (
    <>
      <Button icon={<RollbackOutlined />} onClick={() => { setReason(''); setGroupId(undefined); setOpen(true); }} data-testid="batch-pool-return">
        {t('pool.action.return')}
      </Button>
      <Modal
        open={open} title={t('pool.batchReturn.title', { count: selected.length, object: textOf(meta.label, locale) })} destroyOnHidden
        onCancel={() => setOpen(false)}
        okButtonProps={{ loading: running, ...{ 'data-testid': 'batch-pool-return-ok' } }}
        onOk={() => void run(
          () => poolApi.batch(object, 'return', { ids: selected.map((r) => r.id), reason: reason.trim() || undefined, ...(mayMove && groupId ? { groupId } : {}) }),
          'pool.done.return', () => setOpen(false),
        )}
      >
        <Typography.Paragraph type="secondary">{t('pool.batchReturn.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          {mayMove && (
            <Form.Item label={t('pool.return.group')}>
              <Select
                value={groupId ?? ''} onChange={(v: string) => setGroupId(v || undefined)} data-testid="batch-pool-return-group" showSearch={{ optionFilterProp: 'label' }}
                options={[{ value: '', label: t('pool.batchReturn.ownGroup') }, ...known.map((g) => ({ value: g.id, label: g.name }))]}
              />
            </Form.Item>
          )}
          <Form.Item label={t('pool.return.reason')}>
            <Input.TextArea
              value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('pool.return.reasonHint')} data-testid="batch-pool-return-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * 初始化公海池分组 (§3.5.12), for pool administrators: the selected records that have no pool group
 * (from before pools) join the chosen one; those already in a group are reported and left alone.
 */
export function InitPoolGroupBatch({ object: meta, selected, onDone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const object = meta.key as PoolObjectKey;
  const { groups } = usePoolGroups(object);
  const [open, setOpen] = useState(false);
  const [groupId, setGroupId] = useState<string | undefined>();
  const { running, run } = useBatchRun(meta, selected, onDone);
  const label = textOf(meta.label, locale);

  return (
    <>
      <Button icon={<ApartmentOutlined />} onClick={() => { setGroupId(undefined); setOpen(true); }} data-testid="batch-pool-init">
        {t('pool.action.initGroup')}
      </Button>
      <Modal
        open={open} title={t('pool.initGroup.title', { count: selected.length, object: label })} destroyOnHidden onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !groupId, loading: running, ...{ 'data-testid': 'batch-pool-init-ok' } }}
        onOk={() => groupId && void run(() => poolApi.initGroup(object, selected.map((r) => r.id), groupId), 'pool.done.init-group', () => setOpen(false))}
      >
        <Typography.Paragraph type="secondary">{t('pool.initGroup.hint', { object: label })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('pool.initGroup.to')} required>
            <Select
              value={groupId} onChange={setGroupId} data-testid="batch-pool-init-group" loading={!groups} showSearch={{ optionFilterProp: 'label' }}
              options={(groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

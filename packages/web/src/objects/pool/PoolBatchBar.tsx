import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import type { ObjectMeta, PoolAction, PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org/UserPicker';
import { recordsApi, type BatchResult } from '../../records/api';
import type { RecordData } from '../../records/extensions';
import { recordName, textOf, useLocale } from '../../records/fields';
import { poolApi, type PoolBatchInput } from './api';
import { groupOf } from './pools';

interface Props {
  meta: ObjectMeta;
  groups: PoolGroup[];
  selected: RecordData[];
  /** Held and abandoned records are listed too: 恢复 and 回收 have something to act on. */
  showAll: boolean;
  onClear(): void;
  onDone(): void;
}

type Dialog = 'assign' | 'change-group' | null;

/**
 * "已选中 N 项 | 领取 | 分配 | 改变分组 | 恢复 | 废弃 | 回收 | 删除" (§3.2.3–§3.2.5): each button only where
 * every selected record's group allows it; the server still answers for each record, and the
 * records that failed are listed with the reason (a lost claim race names who holds it).
 */
export function PoolBatchBar({ meta, groups, selected, showAll, onClear, onDone }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const object = meta.key as PoolObjectKey;
  const objectLabel = textOf(meta.label, locale);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const ids = selected.map((r) => r.id);

  const rowGroups = selected.map((r) => groupOf(r, groups));
  const every = (test: (g: PoolGroup) => boolean) => rowGroups.every((g) => !!g && test(g));
  const mayClaim = every((g) => g.claimMode === 'claim');
  const administers = every((g) => g.canAdminister);
  const mayMove = every((g) => g.canAdminister || g.membersMayMove);

  const report = (results: BatchResult[], done: string) => {
    const failed = results.filter((r) => !r.ok);
    const ok = results.length - failed.length;
    if (!failed.length) {
      void message.success(t(done, { count: ok, object: objectLabel }));
    } else {
      const names = new Map(selected.map((r) => [r.id, recordName(meta, r)]));
      modal.warning({
        title: t('pool.batch.partial', { ok, failed: failed.length }),
        width: 520,
        content: (
          <ul data-testid="pool-batch-failures" style={{ paddingLeft: 18, marginTop: 8 }}>
            {failed.map((r) => <li key={r.id}><b>{names.get(r.id) ?? r.id}</b>：{r.error?.message}</li>)}
          </ul>
        ),
      });
    }
    onDone();
  };

  const run = async (call: () => Promise<BatchResult[]>, done: string) => {
    setRunning(true);
    try {
      report(await call(), done);
      setDialog(null);
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const act = (action: PoolAction, extra: Omit<PoolBatchInput, 'ids'> = {}) =>
    run(() => poolApi.batch(object, action, { ids, ...extra }), `pool.done.${action}`);

  const confirm = (title: string, onOk: () => Promise<void>, danger = false) => modal.confirm({
    title, okButtonProps: { danger, ...{ 'data-testid': 'pool-confirm-ok' } }, onOk,
  });

  const otherGroups = groups.filter((g) => !rowGroups.every((rg) => rg?.id === g.id));

  return (
    <Space size="small" wrap data-testid="pool-batch-actions">
      <Typography.Text strong data-testid="selected-count">{t('common.selected', { count: ids.length })}</Typography.Text>
      {mayClaim && <Button type="primary" loading={running} onClick={() => void act('claim')} data-testid="pool-claim">{t('pool.action.claim')}</Button>}
      {administers && <Button onClick={() => { setUserId(null); setDialog('assign'); }} data-testid="pool-assign">{t('pool.action.assign')}</Button>}
      {mayMove && <Button onClick={() => { setGroupId(undefined); setDialog('change-group'); }} data-testid="pool-change-group">{t('pool.action.changeGroup')}</Button>}
      {administers && showAll && (
        <Button onClick={() => confirm(t('pool.confirm.restore', { count: ids.length }), () => act('restore'))} data-testid="pool-restore">{t('pool.action.restore')}</Button>
      )}
      {administers && (
        <Button onClick={() => confirm(t('pool.confirm.abandon', { count: ids.length }), () => act('abandon'), true)} data-testid="pool-abandon">{t('pool.action.abandon')}</Button>
      )}
      {administers && showAll && (
        <Button onClick={() => confirm(t('pool.confirm.recycle', { count: ids.length }), () => act('recycle'))} data-testid="pool-recycle">
          {t('pool.action.recycle', { object: objectLabel })}
        </Button>
      )}
      {administers && (
        <Button danger data-testid="pool-delete"
          onClick={() => confirm(t('pool.confirm.delete', { count: ids.length }), () => run(() => recordsApi.batchDelete(object, ids), 'pool.done.delete'), true)}>
          {t('common.delete')}
        </Button>
      )}
      <Button type="link" onClick={onClear}>{t('pool.batch.clear')}</Button>

      <Modal
        open={dialog === 'assign'} title={t('pool.assign.title', { count: ids.length })} onCancel={() => setDialog(null)} destroyOnHidden
        okButtonProps={{ disabled: !userId, loading: running, ...{ 'data-testid': 'pool-assign-ok' } }}
        onOk={() => userId && void act('assign', { userId })}
      >
        <Form layout="vertical">
          <Form.Item label={t('pool.assign.to')} required>
            <UserPicker value={userId} onChange={setUserId} data-testid="pool-assign-user" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'change-group'} title={t('pool.changeGroup.title', { count: ids.length })} onCancel={() => setDialog(null)} destroyOnHidden
        okButtonProps={{ disabled: !groupId, loading: running, ...{ 'data-testid': 'pool-change-group-ok' } }}
        onOk={() => groupId && void act('change-group', { groupId })}
      >
        <Form layout="vertical">
          <Form.Item label={t('pool.changeGroup.to')} required>
            <Select value={groupId} onChange={setGroupId} data-testid="pool-change-group-select"
              options={otherGroups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}


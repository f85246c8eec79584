import { App, Button, Tag, Tooltip } from 'antd';
import { RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { ObjectMeta, PoolAction, PoolObjectKey, PoolStatus } from '@yixiao/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { RecordData } from '../../records/extensions';
import { recordName } from '../../records/fields';
import { listPath } from '../../records/paths';
import { poolApi } from './api';
import { ReturnToPoolModal } from './ReturnToPoolModal';
import { usePoolGroups } from './usePoolGroups';

interface Props {
  object: ObjectMeta;
  record: RecordData;
  onChanged(): void;
}

/**
 * The pool on a lead's or account's page (§3.3.7): where it stands (a tag: "N 天后退回公海（…）"
 * when a recycle rule will take it back), and 退回公海池 / 废弃 for a held record, 领取 for one
 * still in the pool, 恢复 for an abandoned one (group administrators).
 */
export function PoolDetailActions({ object: meta, record, onChanged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const object = meta.key as PoolObjectKey;
  const { groups } = usePoolGroups(object);
  const [status, setStatus] = useState<PoolStatus | null>(null);
  const [returning, setReturning] = useState(false);
  const name = recordName(meta, record);

  const load = useCallback(() => {
    poolApi.status(object, record.id).then(setStatus, () => setStatus(null));
  }, [object, record.id]);
  useEffect(load, [load, record.version, record.ownerId]);

  if (!status) return null;
  const group = (groups ?? []).find((g) => g.id === status.groupId);
  const converted = record.status === '已转换' || !!record.convertedAt;

  /** One record through the batch endpoint; its own failure (e.g. claimed by someone else meanwhile) is shown. */
  const act = async (action: PoolAction, done: string, leave: boolean) => {
    try {
      const [result] = await poolApi.batch(object, action, { ids: [record.id] });
      if (result && !result.ok) {
        void message.error(result.error?.message ?? t('pool.batch.failed'));
        load();
        return;
      }
      void message.success(t(done, { count: 1, name }));
      // A record handed back may no longer be visible to the user: back to the list then.
      if (leave) navigate(listPath(object));
      else onChanged();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const tag = () => {
    if (status.state === 'abandoned') return <Tag data-testid="pool-status">{t('pool.status.abandoned')}</Tag>;
    if (status.state === 'pool') return <Tag color="blue" data-testid="pool-status">{t('pool.status.inPool', { group: status.groupName ?? '' })}</Tag>;
    if (!status.recycle) return null;
    const r = status.recycle;
    return (
      <Tooltip title={t('pool.status.dueAt', { at: dayjs(r.dueAt).format('YYYY-MM-DD HH:mm') })}>
        <Tag color={r.daysLeft <= 3 ? 'red' : 'orange'} data-testid="pool-status">
          {t('pool.status.recycle', { days: Math.max(0, r.daysLeft), rule: t(`pool.rule.${object}.${r.rule}`, { days: r.days }) })}
        </Tag>
      </Tooltip>
    );
  };

  return (
    <>
      {tag()}
      {status.state === 'pool' && group?.claimMode === 'claim' && (
        <Button type="primary" onClick={() => void act('claim', 'pool.done.claim', false)} data-testid="pool-detail-claim">{t('pool.action.claim')}</Button>
      )}
      {status.state === 'abandoned' && group?.canAdminister && (
        <Button onClick={() => void act('restore', 'pool.done.restore', false)} data-testid="pool-detail-restore">{t('pool.action.restore')}</Button>
      )}
      {status.state === 'held' && !converted && (
        <>
          <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="pool-detail-return">{t('pool.action.return')}</Button>
          <Button
            icon={<StopOutlined />} danger data-testid="pool-detail-abandon"
            onClick={() => modal.confirm({
              title: t('pool.confirm.abandonOne', { name }), okButtonProps: { danger: true, ...{ 'data-testid': 'pool-confirm-ok' } },
              onOk: () => act('abandon', 'pool.done.abandon', true),
            })}
          >
            {t('pool.action.abandon')}
          </Button>
          <ReturnToPoolModal
            object={object} recordId={record.id} recordName={name} open={returning} group={group} groups={groups ?? []}
            onClose={() => setReturning(false)} onReturned={() => { setReturning(false); navigate(listPath(object)); }}
          />
        </>
      )}
    </>
  );
}

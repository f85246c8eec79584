import { App, Button, Drawer, Table, Tag } from 'antd';
import type { PoolEvent, PoolObjectKey } from '@yixiao/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { poolApi } from './api';
import { eventDetail } from './eventText';

interface Props {
  object: PoolObjectKey;
  open: boolean;
  /** One group's events; every group the user belongs to when absent. */
  groupId?: string;
  /** One record's events (查看公海操作记录 on its page). */
  recordId?: string;
  onClose(): void;
}

const KIND_COLORS: Partial<Record<PoolEvent['kind'], string>> = {
  claim: 'green', assign: 'blue', auto_assign: 'blue', return: 'orange', recycle: 'orange', rule_recycle: 'orange',
  abandon: 'red', delete: 'red', convert: 'purple', create_in_pool: 'cyan',
};

/** 查看公海操作记录: who claimed, assigned, moved, returned or recycled what, newest first (the immutable event log). */
export function PoolEventsDrawer({ object, open, groupId, recordId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<PoolEvent[]>([]);
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (next: number) => {
    setLoading(true);
    try {
      const answer = await poolApi.events(object, { groupId, recordId, page: next });
      setItems((current) => (next === 1 ? answer.items : [...current, ...answer.items]));
      setPage(next);
      setMore(answer.hasMore);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [object, groupId, recordId, message]);

  useEffect(() => {
    if (open) void load(1);
  }, [open, load]);

  return (
    <Drawer open={open} onClose={onClose} size={760} title={t('pool.events.title')} destroyOnHidden>
      <Table<PoolEvent>
        data-testid="pool-events"
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        onRow={() => ({ 'data-testid': 'pool-event' } as HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'at', title: t('pool.events.at'), width: 140, render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</span> },
          { key: 'record', title: t('pool.events.record'), width: 130, ellipsis: true, render: (_, e) => e.recordName ?? '—' },
          {
            key: 'kind', title: t('pool.events.kind'), width: 96,
            render: (_, e) => <Tag color={KIND_COLORS[e.kind]} data-testid={`pool-event-${e.kind}`}>{t(`pool.kind.${e.kind}`, { defaultValue: e.kind })}</Tag>,
          },
          { key: 'actor', title: t('pool.events.actor'), width: 90, ellipsis: true, render: (_, e) => e.actorName ?? t('pool.events.system') },
          { key: 'detail', title: t('pool.events.detail'), render: (_, e) => eventDetail(e, t) },
        ]}
        locale={{ emptyText: t('pool.events.empty') }}
      />
      {more && <Button block type="link" style={{ marginTop: 8 }} onClick={() => void load(page + 1)}>{t('pool.events.more')}</Button>}
    </Drawer>
  );
}

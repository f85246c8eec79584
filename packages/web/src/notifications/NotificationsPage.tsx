import type { NotificationKind } from '@yixiao/core';
import { App, Button, Card, Empty, Flex, Pagination, Spin, Switch, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { notificationsApi, type InboxPage, type Reminder } from './api';
import { NotificationItem } from './NotificationItem';
import { PendingReminders } from './PendingReminders';
import { ReminderModal } from './ReminderModal';
import { useOpenNotification } from './useOpenNotification';
import { useRealtime } from './useRealtime';

const TABS = ['all', 'todo', 'notice', 'announcement'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 20;

/** 消息中心 (§2.1): every todo reminder, notice and announcement of mine, by kind, read or unread. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('kind')) ?? 'all';
  const kind: NotificationKind | undefined = tab === 'all' ? undefined : tab;
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<InboxPage | null>(null);
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const [reminderOpen, setReminderOpen] = useState(false);

  const load = useCallback(async () => {
    setData(await notificationsApi.list({ kind, unread: unreadOnly || undefined, page, pageSize: PAGE_SIZE }));
  }, [kind, unreadOnly, page]);
  const loadReminders = useCallback(async () => setReminders((await notificationsApi.reminders()).items), []);

  useEffect(() => {
    void load().catch((e: Error) => void message.error(e.message));
  }, [load, message]);
  useEffect(() => {
    void loadReminders().catch(() => {});
  }, [loadReminders]);

  // The unread count changes when something arrives or is read elsewhere (the bell, another tab):
  // then the list is stale. A todo that arrives may be a fired reminder, which leaves 我的提醒.
  useRealtime((m) => {
    if (m.type === 'unread' && data && m.count !== data.unread) void load();
    if (m.type === 'notification' && m.notification.kind === 'todo') void loadReminders();
  });

  const open = useOpenNotification({ fallback: null, onRead: () => void load() });
  const markAll = async () => {
    await notificationsApi.markAllRead(kind);
    await load();
  };
  const cancelReminder = async (id: string) => {
    await notificationsApi.cancelReminder(id).catch((e: Error) => void message.error(e.message));
    await loadReminders();
  };

  return (
    <Flex gap={16} align="flex-start" wrap>
      <Card style={{ flex: 1, minWidth: 480 }} styles={{ body: { padding: 0 } }}
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('notifications.title')}</Typography.Title>}
        extra={
          <Flex gap={16} align="center">
            <label>
              <Switch size="small" checked={unreadOnly} onChange={(v) => { setUnreadOnly(v); setPage(1); }} data-testid="unread-only" />{' '}
              {t('notifications.unreadOnly')}
            </label>
            <Button onClick={() => void markAll()} disabled={!data || data.unread === 0} data-testid="mark-all-read">{t('notifications.markAllRead')}</Button>
          </Flex>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => { setParams(key === 'all' ? {} : { kind: key }); setPage(1); }}
          items={TABS.map((key) => ({ key, label: t(`notifications.tab.${key}`) }))}
          tabBarStyle={{ padding: '0 16px', margin: 0 }}
          data-testid="notification-tabs"
        />
        {data === null ? (
          <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>
        ) : data.items.length === 0 ? (
          <Empty style={{ padding: 48 }} description={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')} />
        ) : (
          <div data-testid="notification-list">
            {data.items.map((n) => <NotificationItem key={n.id} notification={n} onOpen={(x) => void open(x)} />)}
          </div>
        )}
        {data && data.total > PAGE_SIZE && (
          <Flex justify="flex-end" style={{ padding: 16 }}>
            <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} />
          </Flex>
        )}
      </Card>
      <div style={{ width: 300 }}>
        <PendingReminders reminders={reminders} onCancel={(id) => void cancelReminder(id)} onNew={() => setReminderOpen(true)} />
      </div>
      <ReminderModal open={reminderOpen} onClose={() => setReminderOpen(false)} onCreated={() => void loadReminders()} />
    </Flex>
  );
}

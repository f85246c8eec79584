import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notificationsApi, type AppNotification } from '../notifications/api';
import { NotificationItem } from '../notifications/NotificationItem';
import { useOpenNotification } from '../notifications/useOpenNotification';
import { useRealtime, useUnreadCount } from '../notifications/useRealtime';

const LATEST = 6;

/** §2.1 消息: the bell with my unread count, live over the WebSocket, and my latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { notification: toast } = App.useApp();
  const navigate = useNavigate();
  const { unread, connected, setUnread } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);

  const load = useCallback(async () => {
    const page = await notificationsApi.list({ pageSize: LATEST });
    setItems(page.items);
    setUnread(page.unread);
  }, [setUnread]);

  useEffect(() => {
    if (open) void load().catch(() => setItems([]));
  }, [open, load]);

  const openOne = useOpenNotification({
    fallback: '/notifications',
    onRead: (id, count) => {
      setUnread(count);
      setItems((prev) => prev?.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)) ?? null);
    },
  });

  useRealtime((message) => {
    if (message.type !== 'notification') return;
    const arrived: AppNotification = { ...message.notification, readAt: null };
    setItems((prev) => (prev ? [arrived, ...prev.filter((n) => n.id !== arrived.id)].slice(0, LATEST) : prev));
    if (!open) {
      toast.open({
        key: arrived.id,
        title: arrived.title,
        description: arrived.body.slice(0, 120),
        placement: 'bottomRight',
        onClick: () => {
          toast.destroy(arrived.id);
          void openOne(arrived);
        },
      });
    }
  });

  const readAll = async () => {
    const { unread: count } = await notificationsApi.markAllRead();
    setUnread(count);
    setItems((prev) => prev?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) ?? null);
  };

  const panel = (
    <div style={{ width: 360 }} data-testid="bell-panel">
      <Flex justify="space-between" align="center" style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('shell.notifications')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void readAll()} data-testid="bell-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {items === null ? (
          <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          items.map((n) => <NotificationItem key={n.id} notification={n} compact onOpen={(x) => { setOpen(false); void openOne(x); }} />)
        )}
      </div>
      <Button type="link" block onClick={() => { setOpen(false); navigate('/notifications'); }} data-testid="bell-see-all">
        {t('notifications.seeAll')}
      </Button>
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" arrow={false} content={panel} styles={{ container: { padding: 0 } }}>
      <a
        data-testid="bell"
        data-unread={unread}
        data-live={connected ? 'true' : 'false'}
        aria-label={t('notifications.bellLabel', { count: unread })}
        style={{ display: 'inline-flex', padding: 4 }}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </a>
    </Popover>
  );
}

import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from './api';
import { shortTime } from './format';
import { KIND_META } from './kinds';

/** One notification in the bell's dropdown or the notification centre; unread ones are bold with a dot. */
export function NotificationItem({ notification, onOpen, compact = false }: { notification: AppNotification; onOpen(n: AppNotification): void; compact?: boolean }) {
  const { t } = useTranslation();
  const meta = KIND_META[notification.kind];
  const unread = notification.readAt === null;
  return (
    <Flex
      gap={10}
      align="flex-start"
      role="button"
      tabIndex={0}
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      onClick={() => onOpen(notification)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(notification);
      }}
      style={{ padding: compact ? '8px 12px' : '12px 16px', cursor: 'pointer', borderBottom: '1px solid #f0f0f0' }}
    >
      <span style={{ color: meta.color, fontSize: 16, paddingTop: 2 }} title={t(meta.labelKey)}>{meta.icon}</span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" gap={8}>
          <Typography.Text strong={unread} ellipsis style={{ flex: 1 }}>{notification.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{shortTime(notification.createdAt)}</Typography.Text>
        </Flex>
        {notification.body && (
          <Typography.Paragraph type="secondary" ellipsis={compact ? { rows: 1 } : false} style={{ margin: 0, fontSize: 13, whiteSpace: 'pre-line' }}>
            {notification.body}
          </Typography.Paragraph>
        )}
      </div>
      {unread && <Badge status="processing" style={{ paddingTop: 4 }} />}
    </Flex>
  );
}

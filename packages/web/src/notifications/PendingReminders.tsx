import { Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reminder } from './api';
import { fullTime } from './format';

/** 我的提醒: reminders still to fire, each cancellable. */
export function PendingReminders({ reminders, onCancel, onNew }: { reminders: Reminder[]; onCancel(id: string): void; onNew(): void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('notifications.reminder.pending')}
      extra={<Button size="small" type="link" onClick={onNew} data-testid="new-reminder">{t('notifications.reminder.new')}</Button>}
      data-testid="pending-reminders"
    >
      {reminders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.reminder.none')} />
      ) : (
        reminders.map((r) => (
          <Flex key={r.id} justify="space-between" align="flex-start" gap={8} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>{r.title}</Typography.Text>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{fullTime(r.remindAt)}</Typography.Text></div>
            </div>
            <Popconfirm title={t('notifications.reminder.cancelConfirm')} onConfirm={() => onCancel(r.id)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" type="link" danger>{t('notifications.reminder.cancel')}</Button>
            </Popconfirm>
          </Flex>
        ))
      )}
    </Card>
  );
}

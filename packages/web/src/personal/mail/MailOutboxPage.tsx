import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me';
import { personalApi, type MailStatus, type OutboxMail } from '../api';
import { useRun } from '../../api/useRun';

const STATUS_COLOR: Record<MailStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };
const PAGE_SIZE = 20;

/** 系统设置 → 邮件队列: what the outbox holds, why a mail failed, and a retry for failed ones. */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const act = useRun();
  const [status, setStatus] = useState<MailStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: OutboxMail[]; total: number } | null>(null);
  const [summary, setSummary] = useState<{ smtpConfigured: boolean; counts: Record<MailStatus, number> } | null>(null);

  const reload = useCallback(async () => {
    const [list, counts] = await Promise.all([
      personalApi.outbox({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
      personalApi.outboxSummary(),
    ]);
    setData(list);
    setSummary(counts);
  }, [status, page]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(me.locale) : '—');
  const retry = async (mail: OutboxMail) => {
    if (await act(() => personalApi.retryMail(mail.id), t('personal.mail.retried'))) await reload();
  };
  const statusLabel = (s: MailStatus) => t(`personal.mail.status.${s}`);

  return (
    <Card
      title={t('personal.mail.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void reload()}>{t('personal.mail.refresh')}</Button>}
      data-testid="mail-outbox"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {summary && !summary.smtpConfigured && <Alert type="warning" showIcon title={t('personal.mail.noSmtp')} data-testid="mail-no-smtp" />}
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(value as MailStatus | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('personal.mail.all') },
            ...(['pending', 'failed', 'sent'] as const).map((s) => ({ value: s, label: `${statusLabel(s)} ${summary?.counts[s] ?? ''}` })),
          ]}
        />
        <Table
          rowKey="id"
          size="small"
          loading={!data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1200 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('personal.mail.to'), dataIndex: 'to', width: 200, ellipsis: true },
            { title: t('personal.mail.subject'), dataIndex: 'subject', width: 260, ellipsis: true },
            { title: t('personal.mail.status'), dataIndex: 'status', width: 100, render: (s: MailStatus) => <Tag color={STATUS_COLOR[s]}>{statusLabel(s)}</Tag> },
            { title: t('personal.mail.attempts'), dataIndex: 'attempts', width: 100, align: 'right' },
            {
              title: t('personal.mail.lastError'), dataIndex: 'lastError', width: 220, ellipsis: true,
              render: (error: string | null) => (error ? <Tooltip title={error}><Typography.Text type="danger">{error}</Typography.Text></Tooltip> : '—'),
            },
            { title: t('personal.mail.createdAt'), dataIndex: 'createdAt', width: 170, render: when },
            { title: t('personal.mail.when'), key: 'when', width: 170, render: (_: unknown, m: OutboxMail) => when(m.sentAt ?? m.nextAttemptAt) },
            {
              title: t('common.actions'), key: 'actions', width: 80,
              render: (_: unknown, m: OutboxMail) => m.status === 'failed' && (
                <Button type="link" size="small" onClick={() => void retry(m)} data-testid={`mail-retry-${m.id}`}>{t('personal.mail.retry')}</Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

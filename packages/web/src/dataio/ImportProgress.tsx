import { Alert, Progress, Space, Typography } from 'antd';
import type { ImportJob } from '@yixiao/core';
import { useTranslation } from 'react-i18next';

/** 导入数据, the second step: rows done of the file's rows, live, and what became of them so far. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const total = job.total ?? 0;
  const percent = total > 0 ? Math.floor((job.processed / total) * 100) : 0;
  const label = job.status === 'parsing' ? t('dataio.progress.parsing')
    : job.status === 'queued' ? t('dataio.progress.queued')
    : t('dataio.progress.running', { processed: job.processed, total: job.total ?? '…' });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Typography.Text data-testid="import-progress-text">{label}</Typography.Text>
      <Progress percent={percent} status={job.status === 'interrupted' ? 'exception' : 'active'} data-testid="import-progress-bar" />
      <Typography.Text type="secondary" data-testid="import-progress-counts">
        {t('dataio.progress.counts', { created: job.created, updated: job.updated, skipped: job.skipped, failed: job.failed })}
      </Typography.Text>
      {job.status === 'interrupted' && <Alert type="warning" showIcon title={t('dataio.progress.interrupted')} />}
      {job.notices.length > 0 && <Alert type="info" showIcon title={job.notices.join('；')} />}
      <Typography.Text type="secondary">{t('dataio.progress.background')}</Typography.Text>
    </Space>
  );
}

import { Alert, Button, Result, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportJob } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { importApi } from './api';

const RESULT_STATUS = { done: 'success', cancelled: 'warning', failed: 'error', undone: 'info' } as const;

/**
 * 完成, the last step (§3.2.2): 成功 N 条、失败 M 条, what the reader noticed about the file, and
 * for failures the 错误报告 and how to fix and upload it again.
 */
export function ImportOutcome({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const finished = job.status in RESULT_STATUS ? (job.status as keyof typeof RESULT_STATUS) : 'done';
  const partial = finished === 'done' && job.failed > 0;
  return (
    <div data-testid="import-outcome" data-status={job.status}>
      <Result
        style={{ padding: '16px 0' }}
        status={partial ? 'warning' : RESULT_STATUS[finished]}
        title={<span data-testid="import-outcome-title">{t(`dataio.result.${finished}`)}</span>}
        subTitle={finished === 'failed' ? null : (
          <Space orientation="vertical" size={2}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="import-outcome-summary">
              {t('dataio.result.summary', { success: job.created + job.updated, failed: job.failed })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="import-outcome-detail">
              {t('dataio.result.detail', { created: job.created, updated: job.updated, skipped: job.skipped })}
            </Typography.Text>
            {finished === 'cancelled' && <Typography.Text type="secondary">{t('dataio.result.cancelledNote')}</Typography.Text>}
          </Space>
        )}
      />
      {job.error && <Alert type="error" showIcon title={job.error} data-testid="import-outcome-error" style={{ marginBottom: 12 }} />}
      {job.notices.length > 0 && (
        <Alert
          type="info" showIcon style={{ marginBottom: 12 }} title={t('dataio.result.notices')} data-testid="import-outcome-notices"
          description={<ul style={{ paddingInlineStart: 18, margin: 0 }}>{job.notices.map((n) => <li key={n}>{n}</li>)}</ul>}
        />
      )}
      {job.failed > 0 && job.hasErrorReport && (
        <Alert
          type="warning" showIcon title={t('dataio.result.nextSteps')}
          description={(
            <Button icon={<DownloadOutlined />} href={importApi.errorReportUrl(job.id)} download style={{ marginTop: 8 }} data-testid="import-error-report">
              {t('dataio.result.errorReport')}
            </Button>
          )}
        />
      )}
    </div>
  );
}

import { Alert, Col, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { analyticsApi, type ConversionStats, type PeriodValue } from './api';
import { useDrill } from './DrillModal';
import { formatAmount, formatRate } from './format';
import { DrillLink, MetricTile } from './MetricTile';
import { PeriodPicker } from './PeriodPicker';

/**
 * 查看销售线索转换情况 (§3.2.6): leads created in 昨日 / 本周 / 本月 / a custom period (optionally of
 * one pool group), how many were followed up, became opportunities and were won.
 */
export function LeadConversionStatsPanel({ groupId, toolbar, narrow }: { groupId?: string; toolbar?: ReactNode; narrow?: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodValue>({ period: 'thisMonth' });
  const [stats, setStats] = useState<ConversionStats | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const drill = useDrill();

  useEffect(() => {
    analyticsApi.conversionStats(period, groupId).then((s) => { setStats(s); setError(null); }, (e: Error) => setError(e));
  }, [period, groupId]);

  const L = (key: string) => t(`analytics.stats.${key}`);
  const open = (measure: string, label: string) => () => drill.open({ metric: `conversion.${measure}`, by: 'all', groupId, ...period }, label);
  const span = narrow ? 12 : 6;

  return (
    <div data-testid="lead-conversion-stats">
      <Space wrap style={{ marginBottom: 12 }}>
        {toolbar}
        <PeriodPicker value={period} onChange={setPeriod} />
        {stats && <Typography.Text type="secondary" data-testid="stats-range">{stats.period.from} ~ {stats.period.to}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      {!stats && !error && <Spin />}
      {stats && (
        <Row gutter={[12, 12]}>
          <Col span={span}>
            <MetricTile testId="stats-new-leads" label={L('newLeads')} value={<DrillLink onOpen={open('leads', L('newLeads'))} testId="drill-new-leads">{stats.newLeads}</DrillLink>} />
          </Col>
          <Col span={span}>
            <MetricTile
              testId="stats-follow-rate" label={L('followRate')} value={formatRate(stats.followRate)}
              note={<>{L('followed')} <DrillLink onOpen={open('followed', L('followed'))} testId="drill-followed">{stats.followedLeads}</DrillLink></>}
            />
          </Col>
          <Col span={span}>
            <MetricTile
              testId="stats-new-opportunities" label={L('newOpportunities')} note={t('analytics.amountNote', { amount: formatAmount(stats.opportunityAmount) })}
              value={<DrillLink onOpen={open('opportunities', L('newOpportunities'))} testId="drill-new-opportunities">{stats.newOpportunities}</DrillLink>}
            />
          </Col>
          <Col span={span}>
            <MetricTile testId="stats-lead-to-opportunity" label={L('leadToOpportunity')} value={formatRate(stats.leadToOpportunityRate)} />
          </Col>
          <Col span={span}>
            <MetricTile testId="stats-average-opportunity" label={L('averageOpportunity')} value={formatAmount(stats.averageOpportunityAmount)} />
          </Col>
          <Col span={span}>
            <MetricTile
              testId="stats-won" label={L('won')} note={t('analytics.amountNote', { amount: formatAmount(stats.wonAmount) })}
              value={<DrillLink onOpen={open('won', L('won'))} testId="drill-won">{stats.won}</DrillLink>}
            />
          </Col>
          <Col span={span}>
            <MetricTile testId="stats-opportunity-to-won" label={L('opportunityToWon')} value={formatRate(stats.opportunityToWonRate)} />
          </Col>
          <Col span={span}>
            <MetricTile testId="stats-average-won" label={L('averageWon')} value={formatAmount(stats.averageWonAmount)} />
          </Col>
        </Row>
      )}
      {drill.modal}
    </div>
  );
}

import { Alert, Col, Row, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../records/extensions';
import { analyticsApi, type CampaignResults } from './api';
import { useDrill } from './DrillModal';
import { EMPTY, formatAmount, formatRate } from './format';
import { DrillLink, MetricTile } from './MetricTile';

/** 市场活动结果 (§3.1.3) and 线索转化率 (§3.1.4) of one campaign; each count opens its records. */
export function CampaignResultsTab({ record }: { record: RecordData }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<CampaignResults | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const drill = useDrill();

  // The record's version changes with every edit (实际人数, 实际成本): the numbers follow.
  useEffect(() => {
    analyticsApi.campaignResults(record.id).then((r) => { setResults(r); setError(null); }, (e: Error) => setError(e));
  }, [record.id, record.version]);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!results) return <Spin />;
  const open = (measure: string, label: string) => () => drill.open({ metric: `campaign.${measure}`, key: record.id }, `${results.campaign.name} · ${label}`);
  const L = (key: string) => t(`analytics.campaign.${key}`);

  return (
    <div data-testid="campaign-results">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8}>
          <MetricTile testId="result-attendees" label={L('attendees')} value={results.attendees ?? EMPTY} note={L('attendeesNote')} />
        </Col>
        <Col xs={12} md={8}>
          <MetricTile testId="result-leads" label={L('leads')} value={<DrillLink onOpen={open('leads', L('leads'))} testId="drill-leads">{results.leads}</DrillLink>} />
        </Col>
        <Col xs={12} md={8}>
          <MetricTile
            testId="result-opportunities" label={L('opportunities')} note={t('analytics.amountNote', { amount: formatAmount(results.opportunityAmount) })}
            value={<DrillLink onOpen={open('opportunities', L('opportunities'))} testId="drill-opportunities">{results.opportunities}</DrillLink>}
          />
        </Col>
        <Col xs={12} md={8}>
          <MetricTile
            testId="result-revenue" label={L('revenue')} note={t('analytics.campaign.revenueNote', { count: results.won })}
            value={<DrillLink onOpen={open('revenue', L('revenue'))} testId="drill-revenue">{formatAmount(results.revenue)}</DrillLink>}
          />
        </Col>
        <Col xs={12} md={8}>
          <MetricTile
            testId="result-roi" label={L('roi')} value={formatRate(results.roi)}
            note={t('analytics.campaign.roiNote', { cost: formatAmount(results.actualCost) })}
          />
        </Col>
        <Col xs={12} md={8}>
          <MetricTile
            testId="result-conversion" label={L('conversionRate')} value={formatRate(results.conversionRate)}
            note={(
              <>
                {L('convertedLeads')}{' '}
                <DrillLink onOpen={open('converted', L('convertedLeads'))} testId="drill-converted">{results.convertedLeads}</DrillLink>
                {' / '}{results.leads}
              </>
            )}
          />
        </Col>
      </Row>
      {drill.modal}
    </div>
  );
}

import { Alert, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../dataio/ExportMenu';
import { analyticsApi, type ConversionAnalysis, type ConversionDimension, type ConversionFigures, type PeriodValue } from './api';
import { useDrill } from './DrillModal';
import { formatRate } from './format';
import { DrillLink } from './MetricTile';
import { PeriodPicker } from './PeriodPicker';

const DIMENSIONS: ConversionDimension[] = ['pool', 'campaign', 'campaignOwner'];
type Row = ConversionFigures & { key: string; name: string | null; isTotal?: boolean };

/**
 * 线索转换率 (§4.1.10): leads created in the period (时间范围限定的为线索创建日期) per pool, campaign or
 * campaign owner, and the share that became accounts, opportunities and won opportunities.
 */
export function LeadConversionAnalysisTab() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodValue>({ period: 'thisMonth' });
  const [by, setBy] = useState<ConversionDimension>('pool');
  const [data, setData] = useState<ConversionAnalysis | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const drill = useDrill();

  useEffect(() => {
    analyticsApi.conversionAnalysis(period, by).then((d) => { setData(d); setError(null); }, (e: Error) => setError(e));
  }, [period, by]);

  const L = (key: string) => t(`analytics.conversion.${key}`);
  const rowName = (row: Row) => (row.isTotal ? L('total') : row.name ?? L(`none.${by}`));
  const rows: Row[] = data && data.by === by ? [...data.rows, { ...data.total, key: 'all', name: null, isTotal: true }] : [];
  const count = (measure: 'leads' | 'converted' | 'opportunities' | 'won') => ({
    key: measure, title: L(measure), dataIndex: measure, align: 'right' as const,
    render: (value: number, row: Row) => (
      <DrillLink
        testId={`conversion-${measure}-${row.key}`}
        onOpen={() => drill.open(
          { metric: `conversion.${measure}`, ...(row.isTotal ? { by: 'all' } : { by, key: row.key }), ...period },
          `${rowName(row)} · ${L(measure)}`,
        )}
      >{value}</DrillLink>
    ),
  });
  const rate = (key: 'convertedRate' | 'opportunityRate' | 'wonRate') => ({ key, title: L(key), dataIndex: key, align: 'right' as const, render: formatRate });

  return (
    <div data-testid="lead-conversion-analysis">
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group optionType="button" value={by} onChange={(e) => setBy(e.target.value as ConversionDimension)} data-testid="conversion-by"
          options={DIMENSIONS.map((d) => ({ value: d, label: L(`by.${d}`) }))} />
        <PeriodPicker value={period} onChange={setPeriod} />
        {data && <Typography.Text type="secondary">{L('createdBetween')} {data.period.from} ~ {data.period.to}</Typography.Text>}
        <ExportMenu url={analyticsApi.conversionAnalysisExportUrl(period, by)} testId="export-lead-conversion" />
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<Row>
        rowKey="key" size="middle" loading={!data && !error} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: L(`by.${by}`), render: (_, row) => (row.isTotal ? <Typography.Text strong>{rowName(row)}</Typography.Text> : rowName(row)) },
          count('leads'), count('converted'), rate('convertedRate'), count('opportunities'), rate('opportunityRate'), count('won'), rate('wonRate'),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{L('note')}</Typography.Paragraph>
      {drill.modal}
    </div>
  );
}

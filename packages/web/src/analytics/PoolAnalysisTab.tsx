import { Alert, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../dataio/ExportMenu';
import { analyticsApi, type PeriodValue, type PoolAnalysis, type PoolFigures, type PoolMeasure } from './api';
import { useDrill } from './DrillModal';
import { DrillLink } from './MetricTile';
import { PeriodPicker } from './PeriodPicker';

const NOW: PoolMeasure[] = ['inPool', 'held', 'abandoned', 'converted'];
const IN_PERIOD: PoolMeasure[] = ['claims', 'assigns', 'returns', 'recycles'];
type Row = PoolFigures & { groupId: string | null; name: string };

/** 线索公海池数据分析 (§3.2.9): per group, its leads by state now and the pool actions of the period. */
export function PoolAnalysisTab() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodValue>({ period: 'thisMonth' });
  const [data, setData] = useState<PoolAnalysis | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const drill = useDrill();

  useEffect(() => {
    analyticsApi.poolAnalysis(period).then((d) => { setData(d); setError(null); }, (e: Error) => setError(e));
  }, [period]);

  const L = (key: string) => t(`analytics.pool.${key}`);
  const rows: Row[] = data ? [...data.rows, { ...data.total, groupId: null, name: L('total') }] : [];
  const column = (measure: PoolMeasure) => ({
    key: measure, title: L(measure), dataIndex: measure, align: 'right' as const,
    render: (value: number, row: Row) => (
      <DrillLink
        testId={`pool-${measure}-${row.groupId ?? 'total'}`}
        onOpen={() => drill.open({ metric: `pool.${measure}`, key: row.groupId ?? undefined, ...period }, `${row.name} · ${L(measure)}`)}
      >{value}</DrillLink>
    ),
  });

  return (
    <div data-testid="pool-analysis">
      <Space wrap style={{ marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={setPeriod} />
        {data && <Typography.Text type="secondary">{data.period.from} ~ {data.period.to}</Typography.Text>}
        <ExportMenu url={analyticsApi.poolAnalysisExportUrl(period)} testId="export-pool-analysis" />
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<Row>
        rowKey={(row) => row.groupId ?? 'total'} size="middle" loading={!data && !error} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: L('group'), dataIndex: 'name', render: (name: string, row) => (row.groupId ? name : <Typography.Text strong>{name}</Typography.Text>) },
          { key: 'now', title: L('now'), children: NOW.map(column) },
          { key: 'period', title: L('inPeriod'), children: IN_PERIOD.map(column) },
        ]}
      />
      {drill.modal}
    </div>
  );
}

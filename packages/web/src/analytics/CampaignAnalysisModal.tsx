import { Alert, Button, Input, Modal, Table } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordPath } from '../records/paths';
import { analyticsApi, type CampaignRow } from './api';
import { useDrill } from './DrillModal';
import { formatAmount, formatRate } from './format';
import { DrillLink } from './MetricTile';

const PAGE_SIZE = 10;

/** 查看数据分析 (§3.1.5): the button on the campaign list and the results of each campaign it opens. */
export function CampaignAnalysisButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<BarChartOutlined />} onClick={() => setOpen(true)} data-testid="campaign-analysis-open">{t('analytics.campaigns.open')}</Button>
      {open && <CampaignAnalysisModal onClose={() => setOpen(false)} />}
    </>
  );
}

function CampaignAnalysisModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: CampaignRow[]; total: number } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const drill = useDrill();

  const load = useCallback((name: string, p: number) => {
    analyticsApi.campaigns({ q: name || undefined, page: p, pageSize: PAGE_SIZE }).then((d) => { setData(d); setError(null); }, (e: Error) => setError(e));
  }, []);
  useEffect(() => load(q, page), [load, q, page]);

  const count = (measure: string, label: string) => (value: number, row: CampaignRow) => (
    <DrillLink onOpen={() => drill.open({ metric: `campaign.${measure}`, key: row.id }, `${row.name} · ${label}`)} testId={`campaign-${measure}-${row.id}`}>{value}</DrillLink>
  );
  const L = (key: string) => t(`analytics.campaigns.${key}`);

  return (
    <Modal open title={L('title')} onCancel={onClose} footer={null} width={1080}>
      <div data-testid="campaign-analysis">
        <Input.Search
          allowClear placeholder={L('search')} style={{ width: 280, marginBottom: 12 }} data-testid="campaign-analysis-search"
          onSearch={(value) => { setPage(1); setQ(value.trim()); }}
        />
        {error && <Alert type="error" showIcon title={error.message} />}
        <Table<CampaignRow>
          rowKey="id" size="small" loading={!data && !error} dataSource={data?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            { key: 'name', title: L('name'), render: (_, row) => <Link to={recordPath('campaign', row.id)} onClick={onClose}>{row.name}</Link> },
            { key: 'owner', title: L('owner'), dataIndex: 'ownerName' },
            { key: 'leads', title: L('leads'), dataIndex: 'leads', align: 'right', render: count('leads', L('leads')) },
            { key: 'converted', title: L('converted'), dataIndex: 'converted', align: 'right', render: count('converted', L('converted')) },
            { key: 'rate', title: L('conversionRate'), dataIndex: 'conversionRate', align: 'right', render: formatRate },
            { key: 'accounts', title: L('accounts'), dataIndex: 'accounts', align: 'right', render: count('accounts', L('accounts')) },
            { key: 'opportunities', title: L('opportunities'), dataIndex: 'opportunities', align: 'right', render: count('opportunities', L('opportunities')) },
            {
              key: 'amount', title: L('opportunityAmount'), dataIndex: 'opportunityAmount', align: 'right',
              render: (value: string, row) => <DrillLink onOpen={() => drill.open({ metric: 'campaign.opportunityAmount', key: row.id }, `${row.name} · ${L('opportunityAmount')}`)}>{formatAmount(value)}</DrillLink>,
            },
            {
              key: 'revenue', title: L('revenue'), dataIndex: 'revenue', align: 'right',
              render: (value: string, row) => <DrillLink onOpen={() => drill.open({ metric: 'campaign.revenue', key: row.id }, `${row.name} · ${L('revenue')}`)}>{formatAmount(value)}</DrillLink>,
            },
          ]}
        />
      </div>
      {drill.modal}
    </Modal>
  );
}

import { Alert, Modal, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordPath } from '../records/paths';
import { analyticsApi, type DrillPage, type DrillQuery } from './api';
import { formatAmount } from './format';

const PAGE_SIZE = 10;

/** The records behind a number (DESIGN.md §5), each linking to its detail page. */
export function DrillModal({ title, query, onClose }: { title: string; query: DrillQuery | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DrillPage | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (q: DrillQuery, p: number) => {
    setLoading(true);
    try {
      setData(await analyticsApi.drill(q, p, PAGE_SIZE));
      setError(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setPage(1);
    setData(null);
    if (query) void load(query, 1);
  }, [query, load]);

  const object = data?.object;
  return (
    <Modal open={query !== null} title={title} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <div data-testid="drill-modal">
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table
        rowKey={(item, index) => `${item.id}:${index}`}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, size: 'small',
          showTotal: (total) => t('analytics.drill.total', { count: total }),
          onChange: (p) => { setPage(p); if (query) void load(query, p); },
        }}
        columns={[
          {
            key: 'name', title: t('analytics.drill.name'),
            render: (_, item) => <Link to={recordPath(object ?? 'lead', item.id)} data-testid="drill-item" onClick={onClose}>{item.name}</Link>,
          },
          ...(object === 'opportunity' ? [{ key: 'amount', title: t('analytics.drill.amount'), align: 'right' as const, render: (_: unknown, item: DrillPage['items'][number]) => formatAmount(item.amount) }] : []),
          {
            key: 'at', title: t(object === 'lead' && query?.metric.startsWith('pool.') && isEventMetric(query.metric) ? 'analytics.drill.actionAt' : 'analytics.drill.createdAt'),
            render: (_, item) => <Typography.Text type="secondary">{dayjs(item.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>,
          },
        ]}
      />
      </div>
    </Modal>
  );
}

const isEventMetric = (metric: string) => ['pool.claims', 'pool.assigns', 'pool.returns', 'pool.recycles'].includes(metric);

/** One drill-down modal for a screen: `open(query, title)` shows the records behind a number. */
export function useDrill(): { open: (query: DrillQuery, title: string) => void; modal: ReactNode } {
  const [state, setState] = useState<{ query: DrillQuery; title: string } | null>(null);
  const open = useCallback((query: DrillQuery, title: string) => setState({ query, title }), []);
  return { open, modal: <DrillModal title={state?.title ?? ''} query={state?.query ?? null} onClose={() => setState(null)} /> };
}

import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RankingRow } from './api';

interface Props {
  rows: RankingRow[];
  loading: boolean;
  selectedPersonId?: string;
  onPick: (person: { id: string; name: string }) => void;
}

/** 活动记录排行榜 (§3.7.7): activities per person in the range; clicking a person filters the list. */
export function RankingPanel({ rows, loading, selectedPersonId, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('activityRecords.ranking')} data-testid="activity-ranking">
      <Table<RankingRow>
        size="small" rowKey={(r) => r.person.id} loading={loading} dataSource={rows} pagination={false}
        rowClassName={(r) => (r.person.id === selectedPersonId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => onPick(r.person), style: { cursor: 'pointer' }, 'data-testid': `ranking-row-${r.person.name}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'rank', title: t('activityRecords.rank'), width: 56, render: (_v, _r, index) => index + 1 },
          { key: 'person', title: t('activityRecords.person'), render: (_v, r) => <a>{r.person.name}</a>, sorter: (a, b) => a.person.name.localeCompare(b.person.name, 'zh-CN') },
          { key: 'department', title: t('activityRecords.department'), render: (_v, r) => r.department?.name ?? '', sorter: (a, b) => (a.department?.name ?? '').localeCompare(b.department?.name ?? '', 'zh-CN') },
          { key: 'count', title: t('activityRecords.count'), dataIndex: 'count', align: 'right', sorter: (a, b) => a.count - b.count, defaultSortOrder: 'descend' },
        ]}
      />
    </Card>
  );
}

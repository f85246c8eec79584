import { TrophyOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ExportMenu } from '../../dataio/ExportMenu';
import { recordPath } from '../../records/paths';
import { textOf, useLocale } from '../../records/tabs/locale';
import { useObjectLabels } from '../../records/tabs/object-labels';
import { ActivityFilters } from './ActivityFilters';
import { activityRecordsApi, TASK_TYPE, type ActivityRecord, type ActivityRecordsFilter, type RankingRow } from './api';
import { RankingPanel } from './RankingPanel';

const PAGE_SIZE = 20;

/** 活动记录 (§3.7.7, §4.5): every 动态 on records the user may read and completed tasks, filtered, ranked and exported. */
export function ActivityRecordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const labels = useObjectLabels();
  const [filter, setFilter] = useState<ActivityRecordsFilter>({});
  const [personName, setPersonName] = useState<string>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ActivityRecord[]; total: number } | null>(null);
  const [showRanking, setShowRanking] = useState(false);
  const [ranking, setRanking] = useState<RankingRow[] | null>(null);

  const change = (next: ActivityRecordsFilter, name?: string) => {
    setFilter(next);
    setPersonName(name);
    setPage(1);
  };

  const load = useCallback(async () => {
    setData(null);
    try {
      setData(await activityRecordsApi.list(filter, page, PAGE_SIZE));
    } catch (e) {
      void message.error((e as Error).message);
      setData({ items: [], total: 0 });
    }
  }, [filter, page, message]);
  useEffect(() => {
    void load();
  }, [load]);

  // The ranking covers everyone in range, so picking a person from it does not narrow it to one row.
  const { personId: _person, ...rankingFilter } = filter;
  const rankingKey = JSON.stringify(rankingFilter);
  useEffect(() => {
    if (!showRanking) return;
    let live = true;
    setRanking(null);
    activityRecordsApi.ranking(JSON.parse(rankingKey) as ActivityRecordsFilter)
      .then((rows) => live && setRanking(rows), (e: Error) => void message.error(e.message));
    return () => {
      live = false;
    };
  }, [showRanking, rankingKey, message]);

  const typeLabel = (item: ActivityRecord) => (item.kind === 'task' || item.type === TASK_TYPE ? t('activityRecords.taskType') : item.type);

  const list = (
    <Table<ActivityRecord>
      rowKey={(r) => `${r.kind}:${r.id}`} loading={data === null} dataSource={data?.items ?? []} size="middle" data-testid="activity-records"
      pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('activityRecords.total', { n }) }}
      columns={[
        { key: 'when', title: t('activityRecords.when'), width: 150, render: (_v, r) => new Date(r.occurredAt).toLocaleString(locale, { hour12: false }) },
        { key: 'type', title: t('activityRecords.type'), width: 110, render: (_v, r) => <Tag color={r.kind === 'task' ? 'green' : 'blue'}>{typeLabel(r)}</Tag> },
        {
          key: 'content', title: t('activityRecords.content'),
          // Activity content is sanitised HTML from the server (as on a record's 动态 tab); a task's subject is text.
          render: (_v, r) => (r.kind === 'activity'
            ? <div className="yx-activity-content" style={{ wordBreak: 'break-word' }} data-testid="activity-record-content" dangerouslySetInnerHTML={{ __html: r.content }} />
            : <span data-testid="activity-record-content">{r.content}</span>),
        },
        { key: 'person', title: t('activityRecords.person'), width: 110, render: (_v, r) => <span data-testid="activity-record-person">{r.person?.name ?? ''}</span> },
        { key: 'department', title: t('activityRecords.department'), width: 110, render: (_v, r) => r.department?.name ?? '' },
        {
          key: 'source', title: t('activityRecords.source'), width: 200,
          render: (_v, r) => (r.source ? (
            <Space size={4}>
              <Tag>{labels.get(r.source.object) ? textOf(labels.get(r.source.object)!, locale) : r.source.object}</Tag>
              <Link to={recordPath(r.source.object, r.source.id)}>{r.source.name ?? ''}</Link>
            </Space>
          ) : null),
        },
      ]}
    />
  );

  return (
    <Card
      title={t('activityRecords.title')} data-testid="activity-records-page"
      extra={(
        <Space>
          <Button icon={<TrophyOutlined />} type={showRanking ? 'primary' : 'default'} onClick={() => setShowRanking((s) => !s)} data-testid="toggle-ranking">
            {t('activityRecords.ranking')}
          </Button>
          <ExportMenu url={activityRecordsApi.exportUrl(filter)} testId="export-activity-records" />
        </Space>
      )}
    >
      <div style={{ marginBottom: 12 }}><ActivityFilters filter={filter} personName={personName} onChange={change} /></div>
      {showRanking ? (
        <Row gutter={16}>
          <Col xs={24} lg={16}>{list}</Col>
          <Col xs={24} lg={8}>
            <RankingPanel rows={ranking ?? []} loading={ranking === null} selectedPersonId={filter.personId} onPick={(p) => change({ ...filter, personId: p.id }, p.name)} />
          </Col>
        </Row>
      ) : list}
    </Card>
  );
}

import { Alert, App, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { ObjectMeta, PoolObjectKey } from '@yixiao/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/me';
import { ExportMenu } from '../../dataio/ExportMenu';
import { poolExportUrl } from '../../dataio/exportHref';
import { recordsApi } from '../../records/api';
import type { RecordData } from '../../records/extensions';
import { fieldByKey, textOf, useLocale } from '../../records/fields';
import { ColumnSettingsModal } from '../../records/list/ColumnSettingsModal';
import { combine, type ActiveFilter } from '../../records/list/filters';
import { listColumns } from '../../records/list/listColumns';
import { recordPath } from '../../records/paths';
import { useObjectMeta } from '../../records/useObjectMeta';
import { ImportButton } from '../../dataio/ImportButton';
import { LeadConversionButton } from './LeadConversionButton';
import { PoolBatchBar } from './PoolBatchBar';
import { adaptPoolColumns } from './poolColumns';
import { PoolCreateForm } from './PoolCreateForm';
import { PoolEventsDrawer } from './PoolEventsDrawer';
import { mayOpen, POOL_PAGES } from './pools';
import { usePoolGroups } from './usePoolGroups';
import { usePoolList } from './usePoolList';

/** 销售线索公海池 / 客户公海池 (§3.2, §3.4): one screen for both pools. */
export function PoolPage({ object }: { object: PoolObjectKey }) {
  const { meta, error } = useObjectMeta(object);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!meta || meta.key !== object) return <Card loading />;
  return <PoolScreen key={object} meta={meta} object={object} />;
}

function PoolScreen({ meta, object }: { meta: ObjectMeta; object: PoolObjectKey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const objectLabel = textOf(meta.label, locale);
  const { groups, error: groupsError, reload: reloadGroups } = usePoolGroups(object);
  const groupId = search.get('group') ?? undefined;
  const [showAll, setShowAll] = useState(false);
  const [filters, setFilters] = useState<ActiveFilter[]>([]);
  const [sort, setSort] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [selected, setSelected] = useState<RecordData[]>([]);
  const [dialog, setDialog] = useState<'create' | 'columns' | 'events' | null>(null);

  const query = { groupId, all: showAll, filter: combine(filters.map((f) => f.node)), sort, page, pageSize };
  const { page: list, loading, error, reload } = usePoolList(object, query);
  useEffect(() => {
    void recordsApi.columns(object).then(setColumns, () => setColumns(meta.defaultColumns));
  }, [object, meta]);
  useEffect(() => setSelected([]), [JSON.stringify(query)]);

  const items = list?.items ?? [];
  const pageIds = useMemo(() => items.map((r) => r.id), [items]);
  const known = groups ?? [];
  const chooseGroup = (id: string) => {
    setSearch((s) => { if (id) s.set('group', id); else s.delete('group'); return s; }, { replace: true });
    setPage(1);
  };
  const setFilter = (key: string, filter: ActiveFilter | null) => {
    setFilters((current) => [...current.filter((f) => f.key !== key), ...(filter ? [filter] : [])]);
    setPage(1);
  };

  // 所属公海 always shows; the owner only where records may have one.
  const shownColumns = [...(columns ?? meta.defaultColumns).filter((c) => showAll || c !== 'ownerId')];
  if (!shownColumns.includes('poolGroupId')) shownColumns.push('poolGroupId');
  const tableColumns = adaptPoolColumns(listColumns({
    meta, columns: shownColumns, sort, filters, pageIds, locale, t,
    onSort: (next) => { setSort(next); setPage(1); }, onFilter: setFilter, onOpenSettings: () => setDialog('columns'),
  }), { meta, groups: known, userId: me.id, showAll, t });

  const total = list?.total ?? 0;
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="pool-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, minHeight: 40, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="list-title">{t(`menu.${POOL_PAGES[object].menuKey}`)}</Typography.Title>
        <Select
          data-testid="pool-group-select" style={{ minWidth: 180 }} value={groupId ?? ''} onChange={chooseGroup} loading={!groups}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('pool.group.all') }, ...known.map((g) => ({ value: g.id, label: `${g.name}（${g.poolCount}）` }))]}
        />
        {selected.length > 0 && (
          <PoolBatchBar meta={meta} groups={known} selected={selected} showAll={showAll}
            onClear={() => setSelected([])} onDone={() => { setSelected([]); void reload(); void reloadGroups(); }} />
        )}
        <div style={{ flex: 1 }} />
        <Space wrap>
          {object === 'lead' && <LeadConversionButton groupId={groupId} />}
          <ImportButton object={meta} target="pool" onChanged={() => { void reload(); void reloadGroups(); }} />
          <ExportMenu url={poolExportUrl(object, query, shownColumns)} testId="pool-export" />
          <Button icon={<HistoryOutlined />} onClick={() => setDialog('events')} data-testid="pool-events-open">{t('pool.events.open')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} disabled={!known.length} data-testid="pool-new-record">
            {t('pool.create.button', { object: objectLabel })}
          </Button>
        </Space>
      </div>
      {groupsError && <Alert type="error" showIcon title={groupsError.message} style={{ margin: '8px 0' }} />}
      {error && <Alert type="error" showIcon title={error.message} style={{ margin: '8px 0' }} data-testid="list-error" />}

      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
        <Space size={6}>
          <Switch size="small" checked={showAll} onChange={(on) => { setShowAll(on); setPage(1); }} data-testid="pool-show-all" />
          <Typography.Text type="secondary">{t(`pool.list.showAll.${object}`)}</Typography.Text>
        </Space>
        {filters.map((f) => (
          <Tag key={f.key} color="blue" closable data-testid={`filter-tag-${f.key}`} onClose={(e) => { e.preventDefault(); setFilter(f.key, null); }}>
            {textOf(fieldByKey(meta, f.key)?.label ?? { zh: f.key, en: f.key }, locale)}: {f.text}
          </Tag>
        ))}
      </div>

      <Table<RecordData>
        data-testid="list-table"
        rowKey="id"
        size="middle"
        style={{ marginTop: 8 }}
        loading={loading}
        columns={tableColumns}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        rowSelection={{ selectedRowKeys: selected.map((r) => r.id), onChange: (_keys, rows) => setSelected(rows) }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          setSort(sorter.order ? `${sorter.order === 'descend' ? '-' : ''}${String(sorter.columnKey)}` : undefined);
          setPage(1);
        }}
        onRow={(record) => ({ onDoubleClick: () => mayOpen(record, known, me.id) && navigate(recordPath(object, record.id)) })}
        locale={{ emptyText: t('pool.list.empty', { object: objectLabel }) }}
        pagination={{
          current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
          showTotal: () => <span data-testid="list-total">{list?.totalCapped ? t('records.list.totalCapped') : t('records.list.total', { count: total })}</span>,
          onChange: (p, size) => {
            if (size !== pageSize) {
              setPageSize(size);
              setPage(1);
            } else {
              setPage(p);
            }
          },
        }}
      />

      <PoolCreateForm
        meta={meta} groups={known} groupId={groupId} open={dialog === 'create'} onClose={() => setDialog(null)}
        onSaved={() => { setDialog(null); void reload(); void reloadGroups(); }}
      />
      <PoolEventsDrawer object={object} groupId={groupId} open={dialog === 'events'} onClose={() => setDialog(null)} />
      <ColumnSettingsModal
        meta={meta} open={dialog === 'columns'} columns={columns ?? meta.defaultColumns} onClose={() => setDialog(null)}
        onSave={async (next) => {
          try {
            setColumns(await recordsApi.saveColumns(object, next));
            setDialog(null);
            void message.success(t('common.saved'));
          } catch (e) {
            void message.error((e as Error).message);
          }
        }}
      />
    </Card>
  );
}

import { Alert, App, Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import { FilterOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { FilterNode, ObjectMeta } from '@yixiao/core';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/me';
import { ExportMenu } from '../../dataio/ExportMenu';
import { recordsApi, type SavedView } from '../api';
import { listActions, listModes, type RecordData } from '../extensions';
import { textOf, useLocale } from '../fields';
import { RecordForm } from '../form/RecordForm';
import { recordPath } from '../paths';
import { useObjectMeta } from '../useObjectMeta';
import { AdvancedFilter } from './AdvancedFilter';
import { BatchActions } from './BatchActions';
import { ColumnSettingsModal } from './ColumnSettingsModal';
import { FilterBar } from './FilterBar';
import { listColumns } from './listColumns';
import { SaveViewModal } from './SaveViewModal';
import { useListState } from './useListState';
import { useRecordList } from './useRecordList';
import { ViewSwitcher } from './ViewSwitcher';

/** The list of any object (§3.3.4–§3.3.6, §3.5.5), at its menu path: views, filters, sort, columns, batch actions. */
export function RecordListPage({ object }: { object: string }) {
  const { meta, error } = useObjectMeta(object);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!meta || meta.key !== object) return <Card loading />;
  return <ListScreen key={object} meta={meta} />;
}

function ListScreen({ meta }: { meta: ObjectMeta }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const objectLabel = textOf(meta.label, locale);
  const state = useListState(meta.key, me.id, meta.owned);
  const { page, loading, error, reload } = useRecordList(meta.key, state.query);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [views, setViews] = useState<SavedView[]>([]);
  const [selected, setSelected] = useState<RecordData[]>([]);
  const [dialog, setDialog] = useState<'create' | 'columns' | 'advanced' | 'saveView' | null>(null);
  // 列表 or another mode of this object (看板 …), remembered per object like the view.
  const modes = listModes.filter((m) => m.objects.includes(meta.key));
  const modeKey = `yixiao.listMode.${me.id}.${meta.key}`;
  const [modeName, setModeName] = useState(() => localStorage.getItem(modeKey) ?? 'list');
  const mode = modes.find((m) => m.key === modeName);
  const [refreshKey, setRefreshKey] = useState(0);
  const chooseMode = (next: string) => {
    localStorage.setItem(modeKey, next);
    setModeName(next);
    setSelected([]);
  };
  const reloadAll = () => {
    setRefreshKey((k) => k + 1);
    return reload();
  };

  const loadViews = useCallback(() => recordsApi.views(meta.key).then(setViews, () => setViews([])), [meta.key]);
  useEffect(() => {
    void recordsApi.columns(meta.key).then(setColumns, () => setColumns(meta.defaultColumns));
    void loadViews();
  }, [meta, loadViews]);
  // A selection belongs to the rows on screen: another page, filter or view starts afresh.
  useEffect(() => setSelected([]), [JSON.stringify(state.query)]);

  const savedView = state.view.kind === 'saved' ? views.find((v) => v.id === (state.view as { id: string }).id) : undefined;
  const items = page?.items ?? [];
  const pageIds = useMemo(() => items.map((r) => r.id), [items]);

  const saveView = async (name: string, filter: FilterNode | undefined) => {
    try {
      const view = await recordsApi.saveView(meta.key, { name, filter: filter ?? { and: [] }, sort: state.sort ?? null });
      await loadViews();
      state.setView({ kind: 'saved', id: view.id });
      void message.success(t('records.view.saved', { name }));
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };

  const deleteView = async (view: SavedView) => {
    await recordsApi.deleteView(meta.key, view.id);
    if (state.view.kind === 'saved' && state.view.id === view.id) state.setView({ kind: 'system', key: 'all' });
    await loadViews();
    void message.success(t('records.view.deleted'));
  };

  const tableColumns = listColumns({
    meta, columns: columns ?? meta.defaultColumns, sort: state.sort, filters: state.filters, pageIds, locale, t,
    onSort: state.setSort, onFilter: state.setFilter, onOpenSettings: () => setDialog('columns'),
  });

  const total = page?.total ?? 0;
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, minHeight: 40, flexWrap: 'wrap' }}>
        {modes.length > 0 && (
          <Segmented
            value={mode?.key ?? 'list'} onChange={(v) => chooseMode(String(v))} data-testid="list-mode"
            options={[
              { value: 'list', label: <span data-testid="list-mode-list">{t('records.list.modeList')}</span>, icon: <UnorderedListOutlined /> },
              ...modes.map((m) => ({ value: m.key, label: <span data-testid={`list-mode-${m.key}`}>{t(m.labelKey)}</span>, icon: m.icon })),
            ]}
          />
        )}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="list-title">{objectLabel}</Typography.Title>
        {selected.length > 0 ? (
          <BatchActions meta={meta} selected={selected} onClear={() => setSelected([])} onDone={() => { setSelected([]); void reload(); }} />
        ) : (
          <ViewSwitcher objectLabel={objectLabel} owned={meta.owned} value={state.view} saved={views} onChange={state.setView} onDelete={deleteView} />
        )}
        <div style={{ flex: 1 }} />
        <Space>
          {listActions.filter((a) => a.objects.includes(meta.key)).map((a) => <Fragment key={a.key}>{a.render({ object: meta, onChanged: () => void reloadAll() })}</Fragment>)}
          <Button icon={<FilterOutlined />} onClick={() => setDialog('advanced')} data-testid="advanced-filter-open">{t('records.advanced.title')}</Button>
          <ExportMenu url={recordsApi.exportUrl(meta.key, state.query)} testId="export-list" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="new-record">{t('common.create')}</Button>
        </Space>
      </div>

      <FilterBar
        meta={meta} filters={state.filters} savedView={savedView}
        onRemove={(key) => state.setFilter(key, null)} onClear={state.clearFilters} onSave={() => setDialog('saveView')}
      />
      {error && <Alert type="error" showIcon title={error.message} style={{ margin: '8px 0' }} data-testid="list-error" />}

      {mode ? mode.render({ object: meta, query: { filter: state.query.filter, view: state.query.view, viewId: state.query.viewId, sort: state.query.sort }, refreshKey }) : <Table<RecordData>
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
          state.setSort(sorter.order ? `${sorter.order === 'descend' ? '-' : ''}${String(sorter.columnKey)}` : undefined);
        }}
        onRow={(record) => ({ onDoubleClick: () => navigate(recordPath(meta.key, record.id)) })}
        locale={{
          emptyText: (
            <Empty description={t('records.list.empty', { object: objectLabel })}>
              <Button type="primary" onClick={() => setDialog('create')}>{t('records.list.createFirst', { object: objectLabel })}</Button>
            </Empty>
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: () => <span data-testid="list-total">{page?.totalCapped ? t('records.list.totalCapped') : t('records.list.total', { count: total })}</span>,
          onChange: (p, size) => {
            if (size !== state.pageSize) {
              state.setPageSize(size);
              state.setPage(1);
            } else {
              state.setPage(p);
            }
          },
        }}
      />}

      <RecordForm meta={meta} open={dialog === 'create'} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); void reloadAll(); }} />
      <ColumnSettingsModal
        meta={meta} open={dialog === 'columns'} columns={columns ?? meta.defaultColumns} onClose={() => setDialog(null)}
        onSave={async (next) => {
          try {
            setColumns(await recordsApi.saveColumns(meta.key, next));
            setDialog(null);
            void message.success(t('common.saved'));
          } catch (e) {
            void message.error((e as Error).message);
          }
        }}
      />
      <AdvancedFilter
        meta={meta} open={dialog === 'advanced'} current={state.filters.find((f) => f.key === 'advanced')}
        onClose={() => setDialog(null)}
        onApply={(filter) => { state.setFilter('advanced', filter); setDialog(null); }}
        onSaveView={(name, filter) => saveView(name, filter)}
      />
      <SaveViewModal open={dialog === 'saveView'} onClose={() => setDialog(null)} onSave={(name) => saveView(name, state.filterToSave(savedView))} />
    </Card>
  );
}

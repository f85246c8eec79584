import { Button, Space, Tooltip } from 'antd';
import { FilterFilled, SettingOutlined } from '@ant-design/icons';
import type { TableColumnsType as ColumnsType } from 'antd';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { cellMarkers, type RecordData } from '../extensions';
import { FieldValue } from '../FieldValue';
import { fieldByKey, isSortable, recordName, textOf, type Locale } from '../fields';
import { recordPath } from '../paths';
import { ColumnFilter } from './ColumnFilter';
import type { ActiveFilter } from './filters';

interface Options {
  meta: ObjectMeta;
  columns: string[];
  sort?: string;
  filters: ActiveFilter[];
  pageIds: string[];
  locale: Locale;
  t: TFunction;
  onSort(sort: string | undefined): void;
  onFilter(field: string, filter: ActiveFilter | null): void;
  onOpenSettings(): void;
}

/** Markers that features put before a record's name (the "!" of possible duplicates …). */
function NameCell({ meta, record, pageIds }: { meta: ObjectMeta; record: RecordData; pageIds: string[] }) {
  const markers = cellMarkers.filter((m) => m.objects.includes(meta.key));
  return (
    <Space size={4}>
      {markers.map((m, i) => <span key={i}>{m.render({ object: meta, record, pageIds })}</span>)}
      <Link to={recordPath(meta.key, record.id)} data-testid="record-link">{recordName(meta, record)}</Link>
    </Space>
  );
}

/** The table's columns from the user's column settings: sortable headers with a filter popover each, then the gear. */
export function listColumns(o: Options): ColumnsType<RecordData> {
  const keys = [o.meta.nameField, ...o.columns.filter((c) => c !== o.meta.nameField)];
  const fields = keys.map((k) => fieldByKey(o.meta, k)).filter((f): f is FieldMeta => !!f && !f.retired);
  const sortKey = o.sort?.replace(/^-/, '');
  const columns: ColumnsType<RecordData> = fields.map((field) => {
    const active = o.filters.find((f) => f.key === field.key);
    const sortable = isSortable(field);
    return {
      key: field.key,
      dataIndex: field.key,
      title: textOf(field.label, o.locale),
      ellipsis: field.key !== o.meta.nameField,
      sorter: sortable,
      sortOrder: sortable && sortKey === field.key ? (o.sort?.startsWith('-') ? 'descend' : 'ascend') : null,
      showSorterTooltip: false,
      filtered: !!active,
      filterIcon: (filtered: boolean) => (
        <FilterFilled data-testid={`filter-${field.key}`} aria-label={o.t('records.filter.title')} style={{ color: filtered ? '#1677ff' : undefined }} />
      ),
      filterDropdown: ({ close }) => (
        <ColumnFilter
          key={active?.text ?? 'none'}
          field={field}
          current={active}
          onSort={(order) => { o.onSort(order === 'asc' ? field.key : `-${field.key}`); close(); }}
          onApply={(filter) => { o.onFilter(field.key, filter); close(); }}
        />
      ),
      render: (_: unknown, record: RecordData) => (field.key === o.meta.nameField
        ? <NameCell meta={o.meta} record={record} pageIds={o.pageIds} />
        : <FieldValue field={field} record={record} compact />),
    };
  });
  columns.push({
    key: '__settings',
    width: 48,
    fixed: 'right',
    align: 'center',
    title: (
      <Tooltip title={o.t('records.columns.title')}>
        <Button type="text" size="small" icon={<SettingOutlined />} onClick={o.onOpenSettings} data-testid="column-settings" aria-label={o.t('records.columns.title')} />
      </Tooltip>
    ),
    render: () => null,
  });
  return columns;
}

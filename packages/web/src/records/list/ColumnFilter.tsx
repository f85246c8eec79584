import { Button, Checkbox, DatePicker, Divider, Input, InputNumber, Radio, Select, Space } from 'antd';
import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import type { FieldMeta } from '@yixiao/core';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSortable, textOf, useLocale } from '../fields';
import { LookupSelect } from '../form/LookupSelect';
import { RegionInput } from '../form/RegionInput';
import { UserMultiSelect } from '../form/UserMultiSelect';
import { DepartmentFilter } from './DepartmentFilter';
import { DATE_PRESETS, draftToFilter, EMPTY_OPTION, type ColumnDraft } from './columnFilterModel';
import type { ActiveFilter } from './filters';

interface Props {
  field: FieldMeta;
  current?: ActiveFilter;
  onSort(order: 'asc' | 'desc'): void;
  onApply(filter: ActiveFilter | null): void;
}

/**
 * A column's popover (§3.3.5): sort A→Z / Z→A, then a filter that fits the field's type; 确定
 * applies it as a removable tag above the list, 重置 removes it.
 */
export function ColumnFilter({ field, current, onSort, onApply }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<ColumnDraft>((current?.draft as ColumnDraft | undefined) ?? {});
  const [search, setSearch] = useState('');
  const set = (patch: Partial<ColumnDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = () => onApply(draftToFilter(field, draft, locale, t));

  let body: ReactNode;
  switch (field.type) {
    case 'picklist': case 'multipicklist': {
      const options = [...(field.options ?? []).map((o) => ({ value: o.value, label: textOf(o.label, locale) })), { value: EMPTY_OPTION, label: t('records.filter.empty') }];
      const shown = options.filter((o) => !search || o.label.includes(search));
      const checked = [...(draft.values ?? []), ...(draft.empty ? [EMPTY_OPTION] : [])];
      body = (
        <>
          {options.length > 8 && <Input.Search size="small" placeholder={t('records.filter.searchOptions')} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} />}
          <Checkbox.Group
            value={checked}
            onChange={(next) => set({ values: next.filter((v) => v !== EMPTY_OPTION), empty: next.includes(EMPTY_OPTION) })}
            style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 240, overflowY: 'auto' }}
          >
            {shown.map((o) => <Checkbox key={o.value} value={o.value} data-testid={`filter-option-${o.value}`}>{o.label}</Checkbox>)}
          </Checkbox.Group>
        </>
      );
      break;
    }
    case 'user':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Checkbox checked={!!draft.me} onChange={(e) => set({ me: e.target.checked })} data-testid="filter-owner-me">{t('records.op.isMe')}</Checkbox>
          <Checkbox checked={!!draft.subordinates} onChange={(e) => set({ subordinates: e.target.checked })} data-testid="filter-owner-subordinates">{t('records.op.isMySubordinates')}</Checkbox>
          <UserMultiSelect data-testid="filter-users" value={draft.ids} initialLabels={draft.names} onChange={(ids) => set({ ids })} onPicked={(names) => set({ names: { ...draft.names, ...names } })} />
        </Space>
      );
      break;
    case 'lookup':
      body = field.lookup ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <LookupSelect object={field.lookup} multiple value={draft.ids ?? []} initialLabels={draft.names}
            onChange={(v) => set({ ids: Array.isArray(v) ? v : [] })} onPicked={(names) => set({ names: { ...draft.names, ...names } })} />
          <Checkbox checked={!!draft.empty} onChange={(e) => set({ empty: e.target.checked })}>{t('records.filter.empty')}</Checkbox>
        </Space>
      ) : null;
      break;
    case 'department':
      body = <DepartmentFilter draft={draft} onChange={set} />;
      break;
    case 'number': case 'currency': case 'percent':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space.Compact style={{ width: '100%' }}>
            <InputNumber<string> stringMode placeholder={t('records.filter.min')} value={draft.from || null} onChange={(v) => set({ from: v ?? '' })} style={{ width: '50%' }} data-testid="filter-from" />
            <InputNumber<string> stringMode placeholder={t('records.filter.max')} value={draft.to || null} onChange={(v) => set({ to: v ?? '' })} style={{ width: '50%' }} data-testid="filter-to" />
          </Space.Compact>
          <Checkbox checked={!!draft.empty} onChange={(e) => set({ empty: e.target.checked })}>{t('records.filter.empty')}</Checkbox>
        </Space>
      );
      break;
    case 'date': case 'datetime':
      body = (
        <Radio.Group value={draft.preset} onChange={(e) => set({ preset: e.target.value })} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {DATE_PRESETS.map((p) => (
            <Radio key={p} value={p} data-testid={`filter-date-${p}`}>
              {p === 'inLast' ? (
                <Space size={4}>
                  {t('records.filter.lastPrefix')}
                  <InputNumber size="small" min={1} max={3650} value={draft.days ?? null} style={{ width: 64 }} onChange={(v) => set({ days: v ?? undefined, preset: 'inLast' })} />
                  {t('records.filter.lastSuffix')}
                </Space>
              ) : p === 'between' ? t('records.filter.range') : p === 'isEmpty' ? t('records.filter.empty') : t(`records.op.${p}`)}
            </Radio>
          ))}
          {draft.preset === 'between' && (
            <DatePicker.RangePicker
              size="small" allowEmpty={[true, true]}
              value={[draft.from ? dayjs(draft.from) : null, draft.to ? dayjs(draft.to) : null]}
              onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            />
          )}
        </Radio.Group>
      );
      break;
    case 'boolean':
      body = (
        <Radio.Group
          value={draft.empty ? EMPTY_OPTION : draft.values?.[0]}
          onChange={(e) => set(e.target.value === EMPTY_OPTION ? { empty: true, values: [] } : { empty: false, values: [e.target.value as string] })}
          options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }, { value: EMPTY_OPTION, label: t('records.filter.empty') }]}
        />
      );
      break;
    case 'region':
      body = <RegionInput testId="filter-region-value" value={draft.region ?? null} onChange={(region) => set({ region: region ?? undefined })} />;
      break;
    default:
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            size="small" value={draft.op ?? 'contains'} onChange={(op) => set({ op })} style={{ width: '100%' }} data-testid="filter-text-op"
            options={(['contains', 'eq', 'startsWith', 'isEmpty', 'isNotEmpty'] as const).map((op) => ({ value: op, label: t(`records.op.${op}`) }))}
          />
          {draft.op !== 'isEmpty' && draft.op !== 'isNotEmpty' && (
            <Input size="small" autoFocus value={draft.text ?? ''} onChange={(e) => set({ text: e.target.value })} onPressEnter={apply} data-testid="filter-text" />
          )}
        </Space>
      );
  }

  return (
    <div style={{ padding: 12, width: 260 }} data-testid={`filter-popover-${field.key}`} onKeyDown={(e) => e.stopPropagation()}>
      {isSortable(field) && (
        <>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Button type="text" block style={{ textAlign: 'left', justifyContent: 'flex-start' }} icon={<SortAscendingOutlined />} onClick={() => onSort('asc')} data-testid="sort-asc">{t('records.sort.asc')}</Button>
            <Button type="text" block style={{ textAlign: 'left', justifyContent: 'flex-start' }} icon={<SortDescendingOutlined />} onClick={() => onSort('desc')} data-testid="sort-desc">{t('records.sort.desc')}</Button>
          </Space>
          <Divider style={{ margin: '8px 0' }} />
        </>
      )}
      <div style={{ fontWeight: 500, marginBottom: 8 }}>{t('records.filter.title')}</div>
      {body}
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Button size="small" onClick={() => { setDraft({}); onApply(null); }} data-testid="filter-reset">{t('records.filter.reset')}</Button>
        <Button size="small" type="primary" onClick={apply} data-testid="filter-apply">{t('common.confirm')}</Button>
      </Space>
    </div>
  );
}

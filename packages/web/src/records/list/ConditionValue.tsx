import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import type { FieldMeta, FilterOp } from '@yixiao/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../org/DepartmentTreeSelect';
import { useDepartments } from '../../org/useDepartments';
import { textOf, useLocale } from '../fields';
import { LookupSelect } from '../form/LookupSelect';
import { RegionInput, type Region } from '../form/RegionInput';
import { UserMultiSelect } from '../form/UserMultiSelect';
import { kindOf, NO_VALUE_OPS } from './filters';

interface Props {
  field: FieldMeta;
  op: FilterOp;
  value: unknown;
  onChange(value: unknown, names?: Record<string, string>): void;
}

/** A datetime compared with a day means the whole local day: from its start, or up to its end. */
const dayValue = (field: FieldMeta, day: string | null, end: boolean) => {
  if (!day || field.type !== 'datetime') return day;
  return (end ? dayjs(day).endOf('day') : dayjs(day).startOf('day')).toISOString();
};
const asDay = (v: unknown) => (typeof v === 'string' && v ? dayjs(v) : null);

/** The value input of one 高级筛选 condition, fitting its field type and operator. */
export function ConditionValue({ field, op, value, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kind = kindOf(field);
  const testId = `condition-value-${field.key}`;
  if (NO_VALUE_OPS.has(op)) return null;
  if (op === 'inLast' || op === 'olderThan') {
    const days = (value as { days?: number } | undefined)?.days ?? null;
    return <InputNumber data-testid={testId} min={1} max={36500} value={days} onChange={(d) => onChange(d ? { days: d } : undefined)} suffix={t('records.filter.days')} style={{ width: 140 }} />;
  }
  if (op === 'between') {
    const [from, to] = Array.isArray(value) ? value : [null, null];
    if (kind === 'number') {
      return (
        <Space.Compact>
          <InputNumber<string> stringMode value={(from as string) ?? null} onChange={(v) => onChange([v ?? null, to])} placeholder={t('records.filter.min')} />
          <InputNumber<string> stringMode value={(to as string) ?? null} onChange={(v) => onChange([from, v ?? null])} placeholder={t('records.filter.max')} />
        </Space.Compact>
      );
    }
    return (
      <DatePicker.RangePicker
        allowEmpty={[true, true]} value={[asDay(from), asDay(to)]}
        onChange={(r) => onChange([dayValue(field, r?.[0]?.format('YYYY-MM-DD') ?? null, false), dayValue(field, r?.[1]?.format('YYYY-MM-DD') ?? null, true)])}
      />
    );
  }
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: textOf(o.label, locale) }));
  switch (kind) {
    case 'number':
      return <InputNumber<string> data-testid={testId} stringMode value={(value as string) ?? null} onChange={(v) => onChange(v ?? undefined)} style={{ width: 160 }} />;
    case 'date':
      return <DatePicker data-testid={testId} value={asDay(value)} onChange={(d) => onChange(dayValue(field, d ? d.format('YYYY-MM-DD') : null, op === 'lte' || op === 'gt') ?? undefined)} />;
    case 'choice': case 'multi':
      return <Select data-testid={testId} mode="multiple" value={(value as string[]) ?? []} onChange={(v: string[]) => onChange(v)} options={options} style={{ minWidth: 200 }} />;
    case 'boolean':
      return <Select data-testid={testId} value={value as boolean | undefined} onChange={(v: boolean) => onChange(v)} options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} style={{ width: 100 }} />;
    case 'user':
      return <div style={{ minWidth: 220 }}><UserMultiSelect data-testid={testId} value={(value as string[]) ?? []} onPicked={(names) => onChange(Object.keys(names), names)} /></div>;
    case 'ref':
      if (field.type === 'department') return <DepartmentValue value={value as string | undefined} onChange={onChange} />;
      return field.lookup ? (
        <div style={{ minWidth: 220 }}>
          <LookupSelect object={field.lookup} multiple value={(value as string[]) ?? []} onPicked={(names) => onChange(Object.keys(names), names)} />
        </div>
      ) : null;
    case 'region':
      return <RegionInput testId={testId} value={(value as Region | null) ?? null} onChange={(v) => onChange(v ?? undefined)} />;
    default:
      return <Input data-testid={testId} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value)} style={{ width: 200 }} />;
  }
}

function DepartmentValue({ value, onChange }: { value?: string; onChange(v: unknown, names?: Record<string, string>): void }) {
  const { departments } = useDepartments();
  return (
    <div style={{ minWidth: 200 }}>
      <DepartmentTreeSelect departments={departments} value={value} onChange={(id) => onChange(id, id ? { [id]: departments.find((d) => d.id === id)?.name ?? id } : undefined)} />
    </div>
  );
}

import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import type { FieldMeta } from '@yixiao/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../org/DepartmentTreeSelect';
import { UserPicker } from '../../org/UserPicker';
import { useDepartments } from '../../org/useDepartments';
import { textOf, useLocale } from '../fields';
import { LookupSelect } from './LookupSelect';
import { RegionInput, type Region } from './RegionInput';

interface Props {
  field: FieldMeta;
  value?: unknown;
  onChange?: (value: unknown) => void;
  /** The stored value: a disabled option stays choosable only for records that already hold it. */
  original?: unknown;
  /** Name of the referenced user / department / record, from the record's `display`. */
  displayName?: string;
  autoFocus?: boolean;
  onPressEnter?: () => void;
}

/** One field's input, chosen by its type; values are what the API takes (decimals and dates as strings). */
export function FieldInput({ field, value, onChange, original, displayName, autoFocus, onPressEnter }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const testId = `field-${field.key}`;
  const str = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  const set = (next: unknown) => onChange?.(next);
  const choices = () => (field.options ?? [])
    .filter((o) => o.enabled || o.value === original || (Array.isArray(original) && original.includes(o.value)))
    .map((o) => ({ value: o.value, label: textOf(o.label, locale) }));

  switch (field.type) {
    case 'textarea':
      return <Input.TextArea data-testid={testId} value={str} onChange={(e) => set(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={field.maxLength} autoFocus={autoFocus} />;
    case 'number': case 'currency': case 'percent':
      return (
        <InputNumber<string>
          data-testid={testId} stringMode value={str || null} onChange={(v) => set(v ?? null)} style={{ width: '100%' }}
          precision={field.type === 'currency' ? 2 : undefined} prefix={field.type === 'currency' ? '¥' : undefined}
          suffix={field.type === 'percent' ? '%' : undefined} autoFocus={autoFocus} onPressEnter={onPressEnter}
        />
      );
    case 'date':
      return (
        <DatePicker
          data-testid={testId} value={str ? dayjs(str) : null} style={{ width: '100%' }} autoFocus={autoFocus}
          onChange={(d) => set(d ? d.format('YYYY-MM-DD') : null)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          data-testid={testId} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={str ? dayjs(str) : null}
          style={{ width: '100%' }} autoFocus={autoFocus} onChange={(d) => set(d ? d.toISOString() : null)}
        />
      );
    case 'boolean':
      return <Switch data-testid={testId} checked={value === true} onChange={(checked) => set(checked)} />;
    case 'picklist':
      return <Select data-testid={testId} value={str || undefined} onChange={(v) => set(v ?? null)} options={choices()} allowClear autoFocus={autoFocus} placeholder={t('records.form.choose')} style={{ width: '100%' }} />;
    case 'multipicklist':
      return <Select data-testid={testId} mode="multiple" value={Array.isArray(value) ? value : []} onChange={(v: string[]) => set(v)} options={choices()} allowClear autoFocus={autoFocus} placeholder={t('records.form.choose')} style={{ width: '100%' }} />;
    case 'user':
      return <UserPicker data-testid={testId} value={str || null} onChange={(v) => set(v)} initialLabel={displayName} />;
    case 'department':
      return <DepartmentField testId={testId} value={str || undefined} onChange={set} />;
    case 'lookup':
      return field.lookup
        ? <LookupSelect data-testid={testId} object={field.lookup} value={str || null} onChange={(v) => set(v)} initialLabels={str && displayName ? { [str]: displayName } : undefined} />
        : <Input data-testid={testId} value={str} onChange={(e) => set(e.target.value)} />;
    case 'region':
      return <RegionInput testId={testId} value={(value as Region | null) ?? null} onChange={set} />;
    default:
      return (
        <Input
          data-testid={testId} value={str} onChange={(e) => set(e.target.value)} maxLength={field.maxLength} autoFocus={autoFocus}
          type={field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : field.type === 'phone' ? 'tel' : 'text'}
          onPressEnter={onPressEnter}
        />
      );
  }
}

function DepartmentField({ testId, value, onChange }: { testId: string; value?: string; onChange: (v: unknown) => void }) {
  const { t } = useTranslation();
  const { departments } = useDepartments();
  return (
    <DepartmentTreeSelect
      data-testid={testId} departments={departments} value={value} allowClear
      onChange={(v) => onChange(v ?? null)} placeholder={t('records.form.departmentDefault')}
    />
  );
}

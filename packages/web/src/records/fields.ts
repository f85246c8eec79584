import type { FieldMeta, FieldType, Label, ObjectMeta } from '@yixiao/core';
import { useCurrentUser } from '../auth/me';
import type { RecordData } from './extensions';

/**
 * Reading metadata on the web: labels in the user's language, which fields a form or list may use,
 * and the filter operators each type accepts (the server's table in records/filter-sql.ts).
 */
export type Locale = 'zh-CN' | 'en-US';

export const useLocale = (): Locale => useCurrentUser().locale;
export const textOf = (label: Label, locale: Locale) => (locale === 'en-US' ? label.en : label.zh);

/** Retired fields keep their data but leave forms, lists and filters. */
export const liveFields = (meta: ObjectMeta) => meta.fields.filter((f) => !f.retired);
export const fieldByKey = (meta: ObjectMeta, key: string) => meta.fields.find((f) => f.key === key);

/** What a form may write: never system fields, auto-numbers, or the owner once a record exists (转移 does that). */
export const editableFields = (meta: ObjectMeta, mode: 'create' | 'edit') =>
  liveFields(meta).filter((f) => !f.readOnly && f.type !== 'autonumber' && !(mode === 'edit' && f.key === 'ownerId'));

export const isEditable = (field: FieldMeta) => !field.readOnly && !field.retired && field.type !== 'autonumber' && field.key !== 'ownerId';

export const optionLabel = (field: FieldMeta, value: string, locale: Locale) => {
  const option = field.options?.find((o) => o.value === value);
  return option ? textOf(option.label, locale) : value;
};

export const isSortable = (field: FieldMeta) => field.type !== 'multipicklist' && field.type !== 'region';

export const recordName = (meta: ObjectMeta, record: RecordData) => {
  const value = record[meta.nameField];
  return typeof value === 'string' && value ? value : '—';
};

export type FilterKind = 'text' | 'number' | 'date' | 'boolean' | 'choice' | 'multi' | 'ref' | 'user' | 'region';
export const FILTER_KIND: Record<FieldType, FilterKind> = {
  text: 'text', textarea: 'text', phone: 'text', email: 'text', url: 'text', autonumber: 'text',
  number: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'date', boolean: 'boolean',
  picklist: 'choice', multipicklist: 'multi', lookup: 'ref', department: 'ref', user: 'user', region: 'region',
};

/** The picklist that reads as a record's status (跟进状态, 销售阶段 …): shown as a tag in the detail header. */
export const statusField = (meta: ObjectMeta) =>
  liveFields(meta).find((f) => f.type === 'picklist' && (f.key === 'status' || f.key === 'stage'));

/** "1234567.5" → "1,234,567.5" without going through a float (money is never a JavaScript number). */
export function groupDigits(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

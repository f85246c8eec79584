import type { FieldMeta, FilterCondition, FilterNode } from '@yixiao/core';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { optionLabel, type Locale } from '../fields';
import type { ActiveFilter } from './filters';

/** What each column popover holds while the user chooses (kept with the filter to reopen it as left). */
export type DatePreset = 'today' | 'yesterday' | 'thisWeek' | 'thisMonth' | 'thisQuarter' | 'thisYear' | 'inLast' | 'between' | 'isEmpty';
export interface ColumnDraft {
  op?: 'contains' | 'eq' | 'startsWith' | 'isEmpty' | 'isNotEmpty';
  text?: string;
  from?: string;
  to?: string;
  preset?: DatePreset;
  days?: number;
  values?: string[];
  empty?: boolean;
  me?: boolean;
  subordinates?: boolean;
  ids?: string[];
  names?: Record<string, string>;
  region?: { province?: string; city?: string; district?: string };
}

export const DATE_PRESETS: DatePreset[] = ['today', 'yesterday', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'inLast', 'between', 'isEmpty'];
export const EMPTY_OPTION = '__empty__';

const cond = (field: FieldMeta, op: FilterCondition['op'], value?: unknown): FilterCondition =>
  value === undefined ? { field: field.key, op } : { field: field.key, op, value };

/** A datetime column filtered by days compares instants: the range covers whole local days. */
function dayBound(field: FieldMeta, day: string, end: boolean) {
  if (field.type !== 'datetime') return day;
  const d = dayjs(day);
  return (end ? d.endOf('day') : d.startOf('day')).toISOString();
}

/** Turns a popover's choice into a filter node and the text of its tag; null when nothing is chosen. */
export function draftToFilter(field: FieldMeta, d: ColumnDraft, locale: Locale, t: TFunction): ActiveFilter | null {
  const done = (node: FilterNode, text: string): ActiveFilter => ({ key: field.key, node, text, draft: d });
  const either = (parts: FilterNode[]): FilterNode => (parts.length === 1 ? parts[0]! : { or: parts });
  switch (field.type) {
    case 'picklist': case 'multipicklist': {
      const values = d.values ?? [];
      const parts: FilterNode[] = [];
      if (values.length) parts.push(cond(field, 'in', values));
      if (d.empty) parts.push(cond(field, 'isEmpty'));
      if (!parts.length) return null;
      const words = [...values.map((v) => optionLabel(field, v, locale)), ...(d.empty ? [t('records.filter.empty')] : [])];
      return done(either(parts), words.join('、'));
    }
    case 'user': {
      const parts: FilterNode[] = [];
      const words: string[] = [];
      const add = (node: FilterNode, ...text: string[]) => {
        parts.push(node);
        words.push(...text);
      };
      if (d.me) add(cond(field, 'isMe'), t('records.op.isMe'));
      if (d.subordinates) add(cond(field, 'isMySubordinates'), t('records.op.isMySubordinates'));
      if (d.ids?.length) add(cond(field, 'in', d.ids), ...d.ids.map((id) => d.names?.[id] ?? id.slice(0, 8)));
      if (d.empty) add(cond(field, 'isEmpty'), t('records.filter.empty'));
      return parts.length ? done(either(parts), words.join('、')) : null;
    }
    case 'lookup': case 'department': {
      const parts: FilterNode[] = [];
      if (d.ids?.length) parts.push(cond(field, 'in', d.ids));
      if (d.empty) parts.push(cond(field, 'isEmpty'));
      const words = [...(d.ids ?? []).map((id) => d.names?.[id] ?? id.slice(0, 8)), ...(d.empty ? [t('records.filter.empty')] : [])];
      return parts.length ? done(either(parts), words.join('、')) : null;
    }
    case 'number': case 'currency': case 'percent': {
      if (d.empty) return done(cond(field, 'isEmpty'), t('records.filter.empty'));
      const from = d.from?.trim() ?? '';
      const to = d.to?.trim() ?? '';
      if (!from && !to) return null;
      return done(cond(field, 'between', [from || null, to || null]), `${from || '…'} ~ ${to || '…'}`);
    }
    case 'date': case 'datetime': {
      const preset = d.preset;
      if (!preset) return null;
      if (preset === 'isEmpty') return done(cond(field, 'isEmpty'), t('records.filter.empty'));
      if (preset === 'inLast') {
        if (!d.days || d.days < 1) return null;
        return done(cond(field, 'inLast', { days: d.days }), t('records.op.inLastN', { days: d.days }));
      }
      if (preset === 'between') {
        if (!d.from && !d.to) return null;
        return done(cond(field, 'between', [d.from ? dayBound(field, d.from, false) : null, d.to ? dayBound(field, d.to, true) : null]), `${d.from ?? '…'} ~ ${d.to ?? '…'}`);
      }
      return done(cond(field, preset), t(`records.op.${preset}`));
    }
    case 'boolean': {
      if (d.empty) return done(cond(field, 'isEmpty'), t('records.filter.empty'));
      if (d.values?.[0] === undefined) return null;
      const yes = d.values[0] === 'true';
      return done(cond(field, 'eq', yes), yes ? t('common.yes') : t('common.no'));
    }
    case 'region': {
      const region = Object.fromEntries(Object.entries(d.region ?? {}).filter(([, v]) => v));
      if (d.empty) return done(cond(field, 'isEmpty'), t('records.filter.empty'));
      return Object.keys(region).length ? done(cond(field, 'eq', region), Object.values(region).join(' ')) : null;
    }
    default: {
      const op = d.op ?? 'contains';
      if (op === 'isEmpty' || op === 'isNotEmpty') return done(cond(field, op), t(op === 'isEmpty' ? 'records.filter.empty' : 'records.op.isNotEmpty'));
      const text = d.text?.trim();
      if (!text) return null;
      return done(cond(field, op, text), op === 'contains' ? text : `${t(`records.op.${op}`)} ${text}`);
    }
  }
}

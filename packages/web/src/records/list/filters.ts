import type { FieldMeta, FilterCondition, FilterNode, FilterOp } from '@yixiao/core';
import type { TFunction } from 'i18next';
import { FILTER_KIND, optionLabel, textOf, type FilterKind, type Locale } from '../fields';

/**
 * Filters active on a list: one per column (from its popover) and one from 高级筛选. Each keeps
 * the text of its tag ("跟进状态: 未处理") and the popover's own state, so reopening shows the choice.
 */
export interface ActiveFilter {
  /** The field key for column filters; "advanced" for the builder's conditions. */
  key: string;
  node: FilterNode;
  /** The tag's text after the field label. */
  text: string;
  draft?: unknown;
}

/** Same limit as the server (core MAX_FILTER_CONDITIONS), kept here so the bundle needs no zod. */
export const MAX_CONDITIONS = 20;

export function countConditions(node: FilterNode): number {
  if ('and' in node) return node.and.reduce((n, c) => n + countConditions(c), 0);
  if ('or' in node) return node.or.reduce((n, c) => n + countConditions(c), 0);
  if ('not' in node) return countConditions(node.not);
  return 1;
}

export function combine(nodes: FilterNode[]): FilterNode | undefined {
  if (nodes.length === 0) return undefined;
  return nodes.length === 1 ? nodes[0] : { and: nodes };
}

export const anyOf = (nodes: FilterNode[]): FilterNode => (nodes.length === 1 ? nodes[0]! : { or: nodes });

/** Operators offered per kind of field, in the order a menu shows them (a subset of the server's table). */
export const OPS_FOR: Record<FilterKind, FilterOp[]> = {
  text: ['contains', 'eq', 'ne', 'notContains', 'startsWith', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  date: ['today', 'yesterday', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'inLast', 'olderThan', 'between', 'gte', 'lte', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'isEmpty', 'isNotEmpty'],
  choice: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
  multi: ['in', 'isEmpty', 'isNotEmpty'],
  ref: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
  user: ['isMe', 'isMySubordinates', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  region: ['eq', 'isEmpty', 'isNotEmpty'],
};

/** Operators that take no value. */
export const NO_VALUE_OPS = new Set<FilterOp>(['isEmpty', 'isNotEmpty', 'today', 'yesterday', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'isMe', 'isMySubordinates']);

export const kindOf = (field: FieldMeta) => FILTER_KIND[field.type];

/** Department filters pick one department from the tree, so they compare with eq / ne. */
export const opsFor = (field: FieldMeta): FilterOp[] =>
  field.type === 'department' ? ['eq', 'ne', 'isEmpty', 'isNotEmpty'] : field.type === 'datetime'
    ? OPS_FOR.date.filter((op) => op !== 'gte' && op !== 'lte') : OPS_FOR[kindOf(field)];

const list = (values: unknown) => (Array.isArray(values) ? values : [values]);

/**
 * Words for one condition's value, for tags and saved views. `names` gives the names of users and
 * records a popover picked; ids the page never saw show as a count.
 */
export function describeCondition(field: FieldMeta, c: FilterCondition, locale: Locale, t: TFunction, names: Record<string, string> = {}): string {
  const v = c.value;
  const op = t(`records.op.${c.op}`);
  const nameOf = (id: unknown) => names[String(id)];
  const values = (items: unknown[]) => {
    if (field.type === 'picklist' || field.type === 'multipicklist') return items.map((x) => optionLabel(field, String(x), locale)).join('、');
    if (field.type === 'user' || field.type === 'lookup' || field.type === 'department') {
      const known = items.map(nameOf).filter(Boolean);
      return known.length === items.length ? known.join('、') : t('records.filter.nItems', { count: items.length });
    }
    if (field.type === 'boolean') return items.map((x) => (x ? t('common.yes') : t('common.no'))).join('、');
    return items.map(String).join('、');
  };
  switch (c.op) {
    case 'isEmpty': return t('records.filter.empty');
    case 'isNotEmpty': case 'today': case 'yesterday': case 'thisWeek': case 'thisMonth': case 'thisQuarter': case 'thisYear':
    case 'isMe': case 'isMySubordinates':
      return op;
    case 'inLast': case 'olderThan':
      return t(`records.op.${c.op}N`, { days: (v as { days?: number } | undefined)?.days ?? v });
    case 'between': {
      const [from, to] = list(v).map((x) => (x === null || x === undefined || x === '' ? '' : shortDate(String(x))));
      return `${from || '…'} ~ ${to || '…'}`;
    }
    case 'in': case 'eq':
      if (field.type === 'region' && v && typeof v === 'object') return Object.values(v as Record<string, string>).join(' ');
      return kindOf(field) === 'text' && c.op === 'eq' ? `${op} ${String(v)}` : values(list(v));
    case 'contains':
      return kindOf(field) === 'multi' ? values(list(v)) : `${op} ${String(v)}`;
    default:
      return `${op} ${['gt', 'gte', 'lt', 'lte'].includes(c.op) ? shortDate(String(v)) : values(list(v))}`;
  }
}

/** Datetime filters carry instants; a tag only needs the day. */
const shortDate = (s: string) => (/^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s);

/** Describes any node: one condition plainly, "a 或 b" for alternatives (a picklist with 空). */
export function describeNode(node: FilterNode, fieldOf: (key: string) => FieldMeta | undefined, locale: Locale, t: TFunction, names?: Record<string, string>): string {
  if ('and' in node) return node.and.map((n) => describeNode(n, fieldOf, locale, t, names)).join(t('records.filter.and'));
  if ('or' in node) return node.or.map((n) => describeNode(n, fieldOf, locale, t, names)).join(t('records.filter.or'));
  if ('not' in node) return `${t('records.filter.not')}(${describeNode(node.not, fieldOf, locale, t, names)})`;
  const field = fieldOf(node.field);
  if (!field) return node.field;
  return `${textOf(field.label, locale)}: ${describeCondition(field, node, locale, t, names)}`;
}

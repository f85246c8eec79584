import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { countConditions, MAX_FILTER_CONDITIONS, type FilterCondition, type FilterNode, type FieldType } from '@yixiao/core';
import type { EngineField, EngineObject } from '../metadata/registry';
import { invalid } from '../platform/http/errors';
import { fieldRef } from './sql-ref';

/** What a filter needs to know about who asks: "owner is me / my subordinates", dates in the company's zone. */
export interface FilterContext {
  userId: string;
  subordinateIds: readonly string[];
  timeZone: string;
}

type Kind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'choice' | 'multi' | 'ref' | 'user' | 'region';
const KIND: Record<FieldType, Kind> = {
  text: 'text', textarea: 'text', phone: 'text', email: 'text', url: 'text', autonumber: 'text',
  number: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'datetime', boolean: 'boolean',
  picklist: 'choice', multipicklist: 'multi', lookup: 'ref', department: 'ref', user: 'user', region: 'region',
};

const DATE_OPS = ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'today', 'yesterday', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'inLast', 'olderThan', 'isEmpty', 'isNotEmpty'];
const OPS: Record<Kind, readonly string[]> = {
  text: ['eq', 'ne', 'contains', 'notContains', 'startsWith', 'isEmpty', 'isNotEmpty', 'in', 'notIn'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  date: DATE_OPS,
  datetime: DATE_OPS,
  boolean: ['eq', 'isEmpty', 'isNotEmpty'],
  choice: ['eq', 'ne', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  multi: ['contains', 'in', 'isEmpty', 'isNotEmpty'],
  ref: ['eq', 'ne', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  user: ['eq', 'ne', 'in', 'notIn', 'isMe', 'isMySubordinates', 'isEmpty', 'isNotEmpty'],
  region: ['eq', 'isEmpty', 'isNotEmpty'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,18}(\.\d{1,10})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const bad = (field: string, reason: string) => invalid('records.bad_filter', { field, reason });

function decimal(field: string, value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) throw bad(field, 'number');
  return text;
}

function dateValue(field: string, value: unknown, kind: Kind): string {
  if (typeof value !== 'string') throw bad(field, 'date');
  if (kind === 'date' || DATE.test(value)) {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw bad(field, 'date');
    return value;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw bad(field, 'date');
  return new Date(time).toISOString();
}

function scalar(field: EngineField, kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'number': return decimal(field.key, value);
    case 'date': case 'datetime': return dateValue(field.key, value, kind);
    case 'boolean':
      if (typeof value !== 'boolean') throw bad(field.key, 'boolean');
      return value;
    case 'ref': case 'user':
      if (typeof value !== 'string' || !UUID.test(value)) throw bad(field.key, 'id');
      return value;
    default:
      if (typeof value !== 'string' || value.length > 500) throw bad(field.key, 'text');
      return value;
  }
}

function list(field: EngineField, kind: Kind, value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 500) throw bad(field.key, 'list');
  return value.map((v) => scalar(field, kind === 'multi' ? 'choice' : kind, v));
}

/** A multi-select holding any of the values: text[] columns overlap, custom JSONB arrays use ?|. */
const anyOf = (field: EngineField, col: RawBuilder<unknown>, values: unknown[]) =>
  field.column ? sql<SqlBool>`${col} && ${values}::text[]` : sql<SqlBool>`${col} ?| ${values}::text[]`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Typed parameter: PostgreSQL must compare as the column's type, not text. */
function param(kind: Kind, value: unknown): RawBuilder<unknown> {
  switch (kind) {
    case 'number': return sql`${value}::numeric`;
    case 'date': return sql`${value}::date`;
    case 'datetime': return sql`${value}::timestamptz`;
    case 'ref': case 'user': return sql`${value}::uuid`;
    default: return sql`${value}`;
  }
}
function arrayParam(kind: Kind, values: unknown[]): RawBuilder<unknown> {
  const type = kind === 'number' ? 'numeric' : kind === 'ref' || kind === 'user' ? 'uuid' : kind === 'date' ? 'date' : 'text';
  return sql`${values}::${sql.raw(type)}[]`;
}

/** Start of today / this week … in the company's time zone, as a timestamptz or a date. */
function periodStart(unit: 'day' | 'week' | 'month' | 'quarter' | 'year', tz: string): RawBuilder<unknown> {
  return sql`(date_trunc(${unit}, now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz})`;
}
const periodEnd = (unit: 'day' | 'week' | 'month' | 'quarter' | 'year', tz: string) =>
  sql`((date_trunc(${unit}, now() AT TIME ZONE ${tz}) + ${`1 ${unit}`}::interval) AT TIME ZONE ${tz})`;

function daysArg(field: string, value: unknown): number {
  const days = typeof value === 'object' && value !== null ? (value as { days?: unknown }).days : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 36_500) throw bad(field, 'days');
  return days;
}

function condition(object: EngineObject, c: FilterCondition, ctx: FilterContext): RawBuilder<SqlBool> {
  const field = object.field(c.field);
  // A retired field has left lists and filters: to a filter it no longer exists.
  if (!field || field.retired) throw invalid('records.unknown_field', { field: c.field });
  const kind = KIND[field.type];
  if (!OPS[kind].includes(c.op)) throw invalid('records.bad_operator', { field: c.field, op: c.op });
  // A picklist whose options are rows (所属公海, 产品目录) keeps their uuid ids: compared as text, like
  // every other picklist, a value that is no id matches nothing instead of failing the statement.
  // On a text column the cast is no cast at all, so status and the like keep their indexes.
  const col = kind === 'choice' ? sql`${fieldRef(field)}::text` : fieldRef(field);
  const tz = ctx.timeZone;
  // A date column compares with dates; a timestamp column with instants in the company's zone.
  const asTime = (e: RawBuilder<unknown>) => (kind === 'date' ? sql`(${e})::date` : e);

  switch (c.op) {
    case 'isEmpty':
      if (kind === 'multi') return field.column ? sql<SqlBool>`coalesce(cardinality(${col}), 0) = 0` : sql<SqlBool>`coalesce(jsonb_array_length(${col}), 0) = 0`;
      return kind === 'text' || kind === 'choice' ? sql<SqlBool>`coalesce(${col}, '') = ''` : sql<SqlBool>`${col} IS NULL`;
    case 'isNotEmpty':
      if (kind === 'multi') return field.column ? sql<SqlBool>`coalesce(cardinality(${col}), 0) > 0` : sql<SqlBool>`coalesce(jsonb_array_length(${col}), 0) > 0`;
      return kind === 'text' || kind === 'choice' ? sql<SqlBool>`coalesce(${col}, '') <> ''` : sql<SqlBool>`${col} IS NOT NULL`;
    case 'eq':
      if (kind === 'region') {
        if (typeof c.value !== 'object' || c.value === null) throw bad(field.key, 'region');
        const region = Object.fromEntries(Object.entries(c.value).filter(([k, v]) => ['province', 'city', 'district'].includes(k) && typeof v === 'string'));
        return sql<SqlBool>`${col} @> ${JSON.stringify(region)}::jsonb`;
      }
      return sql<SqlBool>`${col} = ${param(kind, scalar(field, kind, c.value))}`;
    case 'ne': return sql<SqlBool>`${col} IS DISTINCT FROM ${param(kind, scalar(field, kind, c.value))}`;
    case 'gt': return sql<SqlBool>`${col} > ${param(kind, scalar(field, kind, c.value))}`;
    case 'gte': return sql<SqlBool>`${col} >= ${param(kind, scalar(field, kind, c.value))}`;
    case 'lt': return sql<SqlBool>`${col} < ${param(kind, scalar(field, kind, c.value))}`;
    case 'lte': return sql<SqlBool>`${col} <= ${param(kind, scalar(field, kind, c.value))}`;
    case 'between': {
      if (!Array.isArray(c.value) || c.value.length !== 2) throw bad(field.key, 'range');
      const [from, to] = c.value;
      const parts: RawBuilder<SqlBool>[] = [];
      if (from !== null && from !== undefined && from !== '') parts.push(sql<SqlBool>`${col} >= ${param(kind, scalar(field, kind, from))}`);
      if (to !== null && to !== undefined && to !== '') parts.push(sql<SqlBool>`${col} <= ${param(kind, scalar(field, kind, to))}`);
      if (parts.length === 0) throw bad(field.key, 'range');
      return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
    }
    case 'contains':
      if (kind === 'multi') return anyOf(field, col, list(field, kind, [c.value].flat()));
      return sql<SqlBool>`${col} ILIKE ${'%' + likeEscape(String(scalar(field, kind, c.value))) + '%'}`;
    case 'notContains':
      return sql<SqlBool>`coalesce(${col}, '') NOT ILIKE ${'%' + likeEscape(String(scalar(field, kind, c.value))) + '%'}`;
    case 'startsWith':
      return sql<SqlBool>`${col} ILIKE ${likeEscape(String(scalar(field, kind, c.value))) + '%'}`;
    case 'in':
      if (kind === 'multi') return anyOf(field, col, list(field, kind, c.value));
      return sql<SqlBool>`${col} = ANY(${arrayParam(kind, list(field, kind, c.value))})`;
    case 'notIn':
      return sql<SqlBool>`NOT (${col} = ANY(${arrayParam(kind, list(field, kind, c.value))})) OR ${col} IS NULL`;
    case 'isMe': return sql<SqlBool>`${col} = ${ctx.userId}::uuid`;
    case 'isMySubordinates':
      return ctx.subordinateIds.length ? sql<SqlBool>`${col} = ANY(${[...ctx.subordinateIds]}::uuid[])` : sql<SqlBool>`false`;
    case 'today': return sql<SqlBool>`${col} >= ${asTime(periodStart('day', tz))} AND ${col} < ${asTime(periodEnd('day', tz))}`;
    case 'yesterday':
      return sql<SqlBool>`${col} >= ${asTime(sql`${periodStart('day', tz)} - interval '1 day'`)} AND ${col} < ${asTime(periodStart('day', tz))}`;
    case 'thisWeek': case 'thisMonth': case 'thisQuarter': case 'thisYear': {
      const unit = ({ thisWeek: 'week', thisMonth: 'month', thisQuarter: 'quarter', thisYear: 'year' } as const)[c.op];
      return sql<SqlBool>`${col} >= ${asTime(periodStart(unit, tz))} AND ${col} < ${asTime(periodEnd(unit, tz))}`;
    }
    case 'inLast':
      return sql<SqlBool>`${col} >= ${asTime(sql`now() - make_interval(days => ${daysArg(field.key, c.value)})`)}`;
    case 'olderThan':
      return sql<SqlBool>`${col} < ${asTime(sql`now() - make_interval(days => ${daysArg(field.key, c.value)})`)}`;
  }
}

/** Compiles a filter tree to one SQL predicate. Unknown fields and operators are refused, values bound as parameters. */
export function compileFilter(object: EngineObject, node: FilterNode | undefined, ctx: FilterContext): RawBuilder<SqlBool> {
  if (!node) return sql<SqlBool>`true`;
  if (countConditions(node) > MAX_FILTER_CONDITIONS) throw invalid('records.too_many_conditions', { max: MAX_FILTER_CONDITIONS });
  const walk = (n: FilterNode): RawBuilder<SqlBool> => {
    if ('and' in n) return n.and.length ? sql<SqlBool>`(${sql.join(n.and.map(walk), sql` AND `)})` : sql<SqlBool>`true`;
    if ('or' in n) return n.or.length ? sql<SqlBool>`(${sql.join(n.or.map(walk), sql` OR `)})` : sql<SqlBool>`false`;
    if ('not' in n) return sql<SqlBool>`NOT coalesce(${walk(n.not)}, false)`;
    return sql<SqlBool>`(${condition(object, n, ctx)})`;
  };
  return walk(node);
}

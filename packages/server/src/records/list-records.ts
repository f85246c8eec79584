import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { FilterNode } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import { invalid } from '../platform/http/errors';
import { attachDisplayNames } from './display';
import { compileFilter } from './filter-sql';
import { filterContext, type RecordScope } from './scope';
import { R, sortRef } from './sql-ref';
import { rowToRecord } from './values';
import { canRead, isTeamMember, readBranches } from './visibility';

/** The system views every list offers (常用检索, §3.3.6 / §3.5.5). */
export const SYSTEM_VIEWS = ['mine', 'team', 'all', 'stale7'] as const;
export type SystemView = (typeof SYSTEM_VIEWS)[number];

/** Totals stop counting here; lists say "10,000+" instead of scanning a million rows for a number. */
export const TOTAL_CAP = 10_000;

export interface ListQuery {
  filter?: FilterNode;
  view?: SystemView;
  sort?: string;
  page: number;
  pageSize: number;
}

function viewPredicate(scope: RecordScope, view: SystemView | undefined): RawBuilder<SqlBool> {
  const { object, viewer } = scope;
  if (!object.owned || !view || view === 'all') return sql<SqlBool>`true`;
  if (view === 'mine') return sql<SqlBool>`${sql.ref(`${R}.owner_id`)} = ${viewer.userId}::uuid`;
  if (view === 'team') return isTeamMember(object, viewer);
  // 7天未跟进: no activity record posted in the last 7 days (or never).
  return sql<SqlBool>`(${sql.ref(`${R}.last_activity_at`)} IS NULL OR ${sql.ref(`${R}.last_activity_at`)} < now() - interval '7 days')`;
}

/**
 * Columns every table declares NOT NULL. They sort without a NULLS clause, so the order is the one
 * of the (tenant_id, created_at DESC, id) indexes and a list walks an index instead of sorting
 * every visible row (PostgreSQL only matches an index whose NULLS order is the query's).
 */
const NEVER_NULL = new Set(['createdAt', 'updatedAt']);

/** "name,-createdAt" → ORDER BY on the fields' expressions, with id last so pages never overlap. */
export function orderBy(scope: RecordScope, sort: string | undefined): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const token of (sort ?? '-createdAt').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 5)) {
    const desc = token.startsWith('-');
    const field = scope.object.field(desc ? token.slice(1) : token);
    if (!field || field.retired) throw invalid('records.bad_sort', { field: token });
    const nulls = NEVER_NULL.has(field.key) ? '' : desc ? ' NULLS LAST' : ' NULLS FIRST';
    parts.push(sql`${sortRef(field)} ${sql.raw(`${desc ? 'DESC' : 'ASC'}${nulls}`)}`);
  }
  parts.push(sql`${sql.ref(`${R}.id`)}`);
  return sql.join(parts, sql`, `);
}

/**
 * The predicate of a list: tenant, visibility, view and filter, in one WHERE. Export reuses it.
 * `visible` replaces the visibility rules only for lists with their own (a pool list: its group's members).
 */
export function listWhere(scope: RecordScope, query: Pick<ListQuery, 'filter' | 'view'>, extra: RawBuilder<SqlBool> = sql<SqlBool>`true`, visible = canRead(scope.object, scope.viewer)) {
  return sql<SqlBool>`${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid
    AND ${visible}
    AND ${viewPredicate(scope, query.view)}
    AND ${compileFilter(scope.object, query.filter, filterContext(scope))}
    AND ${extra}`;
}

/**
 * The page query and the capped count query of a list (the benchmark runs them bare through pg).
 * The count adds up the capped counts of the visibility rule's disjoint parts (readBranches): each
 * part walks the index that fits it, and a sum above the cap is above it for the whole too.
 */
export function listQueries(scope: RecordScope, query: ListQuery, extra?: RawBuilder<SqlBool>, visible?: RawBuilder<SqlBool>) {
  const where = listWhere(scope, query, extra, visible);
  const table = sql.table(scope.object.table);
  const offset = (query.page - 1) * query.pageSize;
  const capped = (part: RawBuilder<SqlBool>) =>
    sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${table} AS ${sql.ref(R)} WHERE ${part} LIMIT ${TOTAL_CAP + 1}) capped)`;
  const branches = visible ? null : readBranches(scope.object, scope.viewer);
  const parts = branches ? branches.map((branch) => listWhere(scope, query, extra, branch)) : [where];
  return {
    page: sql<Record<string, unknown>>`SELECT ${sql.ref(R)}.* FROM ${table} AS ${sql.ref(R)} WHERE ${where}
      ORDER BY ${orderBy(scope, query.sort)} LIMIT ${query.pageSize} OFFSET ${offset}`,
    count: sql<{ n: number }>`SELECT ${sql.join(parts.map(capped), sql` + `)} AS n`,
  };
}

export async function listRecords(db: DbOrTx, scope: RecordScope, query: ListQuery, extra?: RawBuilder<SqlBool>, visible?: RawBuilder<SqlBool>) {
  const queries = listQueries(scope, query, extra, visible);
  const [page, count] = await Promise.all([queries.page.execute(db), queries.count.execute(db)]);
  const items = page.rows.map((row) => rowToRecord(scope.object, row));
  await attachDisplayNames(db, scope, items);
  const n = count.rows[0]!.n;
  return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
}

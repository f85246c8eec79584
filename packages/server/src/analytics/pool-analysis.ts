import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { AnalyticsContext } from './context';
import { aggregate, valuesOf, type Family } from './metric-sets';
import type { Period } from './period';
import { leadColumns, readableRows } from './readable-rows';

export interface PoolParams {
  start: Date;
  end: Date;
  /** Lead pool groups (公海分组) the rows are; the caller's when absent. */
  groupIds: string[];
}

/** The pool actions the analysis counts; naming them lets the (object, kind, at) index find the period's events. */
const COUNTED_KINDS = ['claim', 'assign', 'auto_assign', 'return', 'recycle', 'rule_recycle'];

export type PoolMeasure = 'inPool' | 'held' | 'abandoned' | 'converted' | 'claims' | 'assigns' | 'returns' | 'recycles';

/**
 * §3.2.9 线索公海池数据分析, per group: its readable leads by state now, and the pool actions of
 * the period from the event log (DESIGN.md §5: metrics read the immutable log). An event belongs to
 * the group the lead went to, or, for a claim, the one it left.
 */
export const poolFamily: Family<PoolParams, PoolMeasure> = {
  ctes: (ctx, p) => sql`
    g AS (SELECT id FROM pool_groups WHERE tenant_id = ${ctx.tenantId}::uuid AND object = 'lead' AND id = ANY(${p.groupIds}::uuid[])),
    l AS (${readableRows(ctx, 'lead', leadColumns(sql`r.pool_group_id::text`), sql<SqlBool>`r.pool_group_id IN (SELECT id FROM g)`)}),
    e AS (SELECT coalesce(ev.to_group_id, ev.from_group_id)::text AS key, ev.record_id AS id, ev.at, ev.kind
      FROM record_events ev
      WHERE ev.tenant_id = ${ctx.tenantId}::uuid AND ev.object = 'lead' AND ev.kind = ANY(${COUNTED_KINDS}::text[])
        AND ev.at >= ${p.start} AND ev.at < ${p.end}
        AND coalesce(ev.to_group_id, ev.from_group_id) IN (SELECT id FROM g)
        AND ev.record_id IN (${readableRows(ctx, 'lead', sql`r.id`)}))`,
  measures: {
    inPool: { source: 'l', where: sql<SqlBool>`state = 'pool'` },
    held: { source: 'l', where: sql<SqlBool>`state = 'held'` },
    abandoned: { source: 'l', where: sql<SqlBool>`state = 'abandoned'` },
    converted: { source: 'l', where: sql<SqlBool>`converted` },
    claims: { source: 'e', where: sql<SqlBool>`kind = 'claim'` },
    assigns: { source: 'e', where: sql<SqlBool>`kind IN ('assign', 'auto_assign')` },
    returns: { source: 'e', where: sql<SqlBool>`kind = 'return'` },
    recycles: { source: 'e', where: sql<SqlBool>`kind IN ('recycle', 'rule_recycle')` },
  },
};

/** The lead pool groups the caller belongs to (all of them for pool administrators), in their order. */
export async function poolGroupsOf(db: DbOrTx, ctx: AnalyticsContext) {
  const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM pool_groups
    WHERE tenant_id = ${ctx.tenantId}::uuid AND object = 'lead' AND id = ANY(${ctx.viewer.pools.member}::uuid[])
    ORDER BY sort_order, created_at, id`.execute(db);
  return rows;
}

export async function poolAnalysis(db: DbOrTx, ctx: AnalyticsContext, period: Period) {
  const groups = await poolGroupsOf(db, ctx);
  const values = await aggregate(db, ctx, poolFamily, { start: period.start, end: period.end, groupIds: groups.map((g) => g.id) });
  const rows = groups.map((g) => ({ groupId: g.id, name: g.name, ...valuesOf(poolFamily, values.get(g.id)) as Record<PoolMeasure, number> }));
  // Each lead and each event belongs to one group, so the total is the sum of the rows.
  const total = Object.fromEntries(Object.keys(poolFamily.measures).map((m) => [m, rows.reduce((n, r) => n + r[m as PoolMeasure], 0)])) as Record<PoolMeasure, number>;
  return { period: { from: period.from, to: period.to }, rows, total };
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { R } from '../records/sql-ref';
import { canRead } from '../records/visibility';
import type { AnalyticsContext, CountedObject } from './context';

/**
 * `SELECT <columns> FROM <object's table> AS r WHERE <tenant> AND <canRead>`: the only way analytics
 * reach records, so every number counts only what the caller may read (DESIGN.md §4).
 */
export function readableRows(ctx: AnalyticsContext, object: CountedObject, columns: RawBuilder<unknown>, extra?: RawBuilder<SqlBool>): RawBuilder<unknown> {
  const meta = ctx.objects[object];
  return sql`SELECT ${columns} FROM ${sql.table(meta.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${ctx.tenantId}::uuid AND ${canRead(meta, ctx.viewer)} AND ${extra ?? sql<SqlBool>`true`}`;
}

/**
 * The `l` rows of readable leads, keyed: what lead measures test (converted, followed up, pool
 * state) and what finds their opportunities (the account a lead became, and when).
 */
export const leadColumns = (key: RawBuilder<unknown>) => sql`${key} AS key, r.id, r.created_at AS at,
  r.converted_at IS NOT NULL AS converted, r.last_activity_at IS NOT NULL AS followed, r.pool_state AS state,
  r.converted_account_id AS account_id, r.converted_at`;

/**
 * The `o` rows: opportunities a converted lead of `l` produced — those of the account it became,
 * created at the conversion or after ("线索转为客户时或转化后创建的销售机会", §3.1.3, §3.2.6, §4.1.10),
 * each once per key however many of the key's leads became that account.
 */
export const convertedOpportunities = (ctx: AnalyticsContext) => sql`SELECT DISTINCT l.key, vo.id, vo.at, vo.amount, vo.won
  FROM l JOIN (${readableRows(ctx, 'opportunity', sql`r.id, r.account_id, r.created_at AS at, r.amount, r.stage = '赢单' AS won`)}) vo
    ON vo.account_id = l.account_id AND vo.at >= l.converted_at`;

/** The `a` rows: the accounts the leads of `l` became, each once per key. */
export const convertedAccounts = (ctx: AnalyticsContext) => sql`SELECT DISTINCT l.key, va.id, va.at
  FROM l JOIN (${readableRows(ctx, 'account', sql`r.id, r.created_at AS at`)}) va ON va.id = l.account_id`;

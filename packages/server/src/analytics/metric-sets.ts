import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { AnalyticsContext } from './context';

/**
 * How every number is made, so that its drill-down lists exactly the records it counts
 * (DESIGN.md §5). A family of metrics declares the rows behind its numbers as CTEs, one per
 * source, each row carrying the `key` of the table row it belongs to (a campaign, a pool group, …),
 * the record `id` and a time `at`:
 *   l: leads · o: opportunities · a: accounts · e: pool events (whose id is the lead's)
 * A measure counts (or sums the amount of) the rows of one source that pass its predicate. The
 * numbers aggregate those rows; the drill-down selects them, from the same CTEs and predicate.
 */
export type Source = 'l' | 'o' | 'a' | 'e';

export const SOURCE_OBJECT = { l: 'lead', o: 'opportunity', a: 'account', e: 'lead' } as const satisfies Record<Source, string>;
const SOURCE_TABLE: Record<Source, string> = { l: 'leads', o: 'opportunities', a: 'accounts', e: 'leads' };

export interface Measure {
  source: Source;
  /** Which of the source's rows count; every row when absent. Refers to the source's own columns. */
  where?: RawBuilder<SqlBool>;
  /** Sums the rows' amounts (as an exact decimal string) instead of counting them. */
  sum?: true;
}

export interface Family<P, M extends string> {
  /** The CTE list (`l AS (…), o AS (…)`) of the sources the measures use. */
  ctes(ctx: AnalyticsContext, params: P): RawBuilder<unknown>;
  measures: Record<M, Measure>;
}

export type Values<M extends string> = Record<M, number | string>;

/** Each key's values of every measure; keys without rows are absent (see `valuesOf`). */
export async function aggregate<P, M extends string>(db: DbOrTx, ctx: AnalyticsContext, family: Family<P, M>, params: P): Promise<Map<string, Values<M>>> {
  const entries = Object.entries(family.measures) as [M, Measure][];
  const sources = [...new Set(entries.map(([, m]) => m.source))];
  const perSource = sources.map((source) => {
    const columns = entries.filter(([, m]) => m.source === source).map(([name, m]) => {
      const where = m.where ?? sql<SqlBool>`true`;
      return m.sum
        ? sql`round(coalesce(sum(amount) FILTER (WHERE ${where}), 0), 2)::text AS ${sql.ref(name)}`
        : sql`(count(*) FILTER (WHERE ${where}))::int AS ${sql.ref(name)}`;
    });
    return sql`${sql.ref(`agg_${source}`)} AS (SELECT key, ${sql.join(columns)} FROM ${sql.ref(source)} GROUP BY key)`;
  });
  const joined = sources.slice(1).reduce((from, source) => sql`${from} FULL JOIN ${sql.ref(`agg_${source}`)} USING (key)`, sql`${sql.ref(`agg_${sources[0]!}`)}`);
  const { rows } = await sql<Record<string, unknown> & { key: string }>`
    WITH ${family.ctes(ctx, params)}, ${sql.join(perSource)}
    SELECT * FROM ${joined}`.execute(db);
  return new Map(rows.map((row) => [row.key, valuesOf(family, row)]));
}

/** A key's values, zero where it had no rows. */
export function valuesOf<M extends string>(family: Family<unknown, M>, row: Record<string, unknown> | undefined): Values<M> {
  const out = {} as Values<M>;
  for (const [name, m] of Object.entries(family.measures) as [M, Measure][]) {
    const value = row?.[name];
    out[name] = (value ?? (m.sum ? '0.00' : 0)) as number | string;
  }
  return out;
}

export interface DrillItem {
  id: string;
  name: string;
  /** When the lead or opportunity was created, or when the pool action happened. */
  at: string;
  /** Opportunities: their amount. */
  amount?: string | null;
}

/** The records behind one measure (of one key, when given), newest first, a page at a time. */
export async function drillRows<P, M extends string>(
  db: DbOrTx, ctx: AnalyticsContext, family: Family<P, M>, measure: M, params: P, key: string | undefined, page: number, pageSize: number,
): Promise<{ object: (typeof SOURCE_OBJECT)[Source]; items: DrillItem[]; total: number }> {
  const m = family.measures[measure];
  const where = sql<SqlBool>`${m.where ?? sql<SqlBool>`true`} AND ${key === undefined ? sql<SqlBool>`true` : sql<SqlBool>`key = ${key}`}`;
  const picked = sql`picked AS (SELECT id, at FROM ${sql.ref(m.source)} WHERE ${where})`;
  const withAll = sql`WITH ${family.ctes(ctx, params)}, ${picked}`;
  const amount = m.source === 'o' ? sql`, t.amount::text AS amount` : sql``;
  const [found, count] = await Promise.all([
    sql<{ id: string; name: string; at: Date; amount?: string | null }>`${withAll}
      SELECT p.id, t.name, p.at${amount} FROM picked p
      JOIN ${sql.table(SOURCE_TABLE[m.source])} t ON t.tenant_id = ${ctx.tenantId}::uuid AND t.id = p.id
      ORDER BY p.at DESC, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db),
    sql<{ n: number }>`${withAll} SELECT count(*)::int AS n FROM picked`.execute(db),
  ]);
  return {
    object: SOURCE_OBJECT[m.source],
    items: found.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    total: count.rows[0]!.n,
  };
}

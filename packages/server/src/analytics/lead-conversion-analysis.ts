import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { AnalyticsContext } from './context';
import { rate } from './decimal';
import { conversionFamily, NONE_KEY, type ConversionDimension, type ConversionMeasure } from './lead-conversion-family';
import { aggregate, valuesOf, type Values } from './metric-sets';
import type { Period } from './period';

/**
 * §4.1.10 线索转换率: leads created in the period (时间范围限定的为线索创建日期), per pool group, per
 * campaign or per campaign owner, and how many became accounts, opportunities (转换商机: created at
 * conversion or after) and won opportunities, with each rate. A total row over all of them.
 */
export async function leadConversionAnalysis(db: DbOrTx, ctx: AnalyticsContext, period: Period, by: ConversionDimension) {
  const base = { start: period.start, end: period.end };
  const [grouped, all] = await Promise.all([
    aggregate(db, ctx, conversionFamily, { ...base, by }),
    aggregate(db, ctx, conversionFamily, { ...base, by: 'all' }),
  ]);
  const names = await namesOf(db, ctx.tenantId, by, [...grouped.keys()].filter((k) => k !== NONE_KEY));
  const rows = [...grouped].map(([key, v]) => ({ key, name: key === NONE_KEY ? null : names.get(key) ?? null, ...figures(v) }))
    .sort((a, b) => b.leads - a.leads || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh-CN'));
  return { period: { from: period.from, to: period.to }, by, rows, total: figures(valuesOf(conversionFamily, all.get('all'))) };
}

function figures(v: Values<ConversionMeasure>) {
  const leads = v.leads as number;
  const converted = v.converted as number;
  const opportunities = v.opportunities as number;
  const won = v.won as number;
  return {
    leads,
    converted,
    convertedRate: rate(converted, leads),
    opportunities,
    opportunityRate: rate(opportunities, leads),
    won,
    // 商机赢单的转化率: won of the opportunities the leads produced (as §3.2.6's 机会→成单).
    wonRate: rate(won, opportunities),
  };
}

/** The row names: pool groups, campaigns or users. */
async function namesOf(db: DbOrTx, tenantId: string, by: ConversionDimension, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const table = by === 'pool' ? sql`pool_groups` : by === 'campaign' ? sql`campaigns` : sql`users`;
  const { rows } = await sql<{ id: string; name: string }>`SELECT id::text, name FROM ${table}
    WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${keys}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Family } from './metric-sets';
import { convertedOpportunities, leadColumns, readableRows } from './readable-rows';

/** How §4.1.10 groups leads: by 公海池, by 市场活动 or by the campaign's owner; §3.2.6 takes them all as one. */
export const CONVERSION_DIMENSIONS = ['pool', 'campaign', 'campaignOwner'] as const;
export type ConversionDimension = (typeof CONVERSION_DIMENSIONS)[number];

export interface ConversionParams {
  start: Date;
  end: Date;
  /** One 公海分组's leads only (the pool page's panel). */
  groupId?: string;
  by: ConversionDimension | 'all';
  /** Only these rows' keys. */
  keys?: string[];
}

/** Leads without a pool group, campaign or campaign owner form one row of their own. */
export const NONE_KEY = 'none';

function keyOf(by: ConversionParams['by']): RawBuilder<unknown> {
  switch (by) {
    case 'all': return sql`'all'`;
    case 'pool': return sql`coalesce(r.pool_group_id::text, ${NONE_KEY})`;
    case 'campaign': return sql`coalesce(r.campaign_id::text, ${NONE_KEY})`;
    case 'campaignOwner':
      return sql`coalesce((SELECT c.owner_id FROM campaigns c WHERE c.tenant_id = r.tenant_id AND c.id = r.campaign_id)::text, ${NONE_KEY})`;
  }
}

export type ConversionMeasure = 'leads' | 'followed' | 'converted' | 'opportunities' | 'opportunityAmount' | 'won' | 'wonAmount';

/**
 * Leads created in a period — in a pool or not ("包含在公海池和线索里创建的线索", §3.2.6) — and
 * what they became: followed up (a 动态 posted), converted, opportunities, won.
 */
export const conversionFamily: Family<ConversionParams, ConversionMeasure> = {
  ctes: (ctx, p) => {
    const key = keyOf(p.by);
    const where = [
      sql<SqlBool>`r.created_at >= ${p.start} AND r.created_at < ${p.end}`,
      ...(p.groupId ? [sql<SqlBool>`r.pool_group_id = ${p.groupId}::uuid`] : []),
      ...(p.keys ? [sql<SqlBool>`${key} = ANY(${p.keys}::text[])`] : []),
    ];
    return sql`
      l AS (${readableRows(ctx, 'lead', leadColumns(key), sql.join(where, sql` AND `) as RawBuilder<SqlBool>)}),
      o AS (${convertedOpportunities(ctx)})`;
  },
  measures: {
    leads: { source: 'l' },
    // 销售线索跟进率: leads with a 动态 (posting one sets 最新活动记录时间).
    followed: { source: 'l', where: sql<SqlBool>`followed` },
    converted: { source: 'l', where: sql<SqlBool>`converted` },
    opportunities: { source: 'o' },
    opportunityAmount: { source: 'o', sum: true },
    won: { source: 'o', where: sql<SqlBool>`won` },
    wonAmount: { source: 'o', where: sql<SqlBool>`won`, sum: true },
  },
};

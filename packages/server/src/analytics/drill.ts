import { z } from 'zod';
import type { DbOrTx } from '../db/database';
import { invalid } from '../platform/http/errors';
import { campaignFamily, type CampaignMeasure } from './campaign-results';
import type { AnalyticsContext } from './context';
import { CONVERSION_DIMENSIONS, conversionFamily, type ConversionMeasure } from './lead-conversion-family';
import { drillRows } from './metric-sets';
import { resolvePeriod, type PeriodQuery } from './period';
import { poolFamily, poolGroupsOf, type PoolMeasure } from './pool-analysis';

/** Every number that drills down, as `<family>.<measure>` (DESIGN.md §5). */
export const DRILL_METRICS = [
  ...Object.keys(campaignFamily.measures).map((m) => `campaign.${m}`),
  ...Object.keys(conversionFamily.measures).map((m) => `conversion.${m}`),
  ...Object.keys(poolFamily.measures).map((m) => `pool.${m}`),
] as [string, ...string[]];

export interface DrillQuery extends PeriodQuery {
  metric: string;
  key?: string;
  by: 'all' | (typeof CONVERSION_DIMENSIONS)[number];
  groupId?: string;
  page: number;
  pageSize: number;
}

const uuid = z.guid();

/**
 * The records behind one number, from the same rows the number counts: campaign.* for a campaign's
 * results (key: the campaign), conversion.* for §3.2.6 and §4.1.10 (period, groupId, by, key: the
 * row), pool.* for §3.2.9 (period, key: the group; all the caller's groups without one).
 */
export async function drill(db: DbOrTx, ctx: AnalyticsContext, q: DrillQuery) {
  const [family, measure] = q.metric.split('.') as [string, string];
  if (q.key !== undefined && family !== 'conversion' && !uuid.safeParse(q.key).success) throw invalid('analytics.bad_key');
  switch (family) {
    case 'campaign':
      return drillRows(db, ctx, campaignFamily, measure as CampaignMeasure, { campaignIds: q.key ? [q.key] : undefined }, q.key, q.page, q.pageSize);
    case 'conversion': {
      const period = await resolvePeriod(db, ctx.timeZone, q);
      const params = { start: period.start, end: period.end, groupId: q.groupId, by: q.by, keys: q.key ? [q.key] : undefined };
      return drillRows(db, ctx, conversionFamily, measure as ConversionMeasure, params, q.key, q.page, q.pageSize);
    }
    default: {
      const period = await resolvePeriod(db, ctx.timeZone, q);
      const groupIds = (await poolGroupsOf(db, ctx)).map((g) => g.id).filter((id) => q.key === undefined || id === q.key);
      return drillRows(db, ctx, poolFamily, measure as PoolMeasure, { start: period.start, end: period.end, groupIds }, q.key, q.page, q.pageSize);
    }
  }
}

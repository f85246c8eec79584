import type { DbOrTx } from '../db/database';
import type { AnalyticsContext } from './context';
import { average, rate } from './decimal';
import { conversionFamily } from './lead-conversion-family';
import { aggregate, valuesOf } from './metric-sets';
import type { Period } from './period';

/** §3.2.6 查看销售线索转换情况: the panel of the lead pool for one period (and optionally one group). */
export async function leadConversionStats(db: DbOrTx, ctx: AnalyticsContext, period: Period, groupId?: string) {
  const values = await aggregate(db, ctx, conversionFamily, { start: period.start, end: period.end, groupId, by: 'all' });
  const v = valuesOf(conversionFamily, values.get('all'));
  const leads = v.leads as number;
  const opportunities = v.opportunities as number;
  const won = v.won as number;
  return {
    period: { from: period.from, to: period.to },
    groupId: groupId ?? null,
    newLeads: leads,
    followedLeads: v.followed as number,
    followRate: rate(v.followed as number, leads),
    newOpportunities: opportunities,
    opportunityAmount: v.opportunityAmount as string,
    leadToOpportunityRate: rate(opportunities, leads),
    averageOpportunityAmount: average(v.opportunityAmount as string, opportunities),
    won,
    wonAmount: v.wonAmount as string,
    opportunityToWonRate: rate(won, opportunities),
    averageWonAmount: average(v.wonAmount as string, won),
  };
}

import { z } from 'zod';
import { CONVERSION_DIMENSIONS } from './lead-conversion-family';
import { DRILL_METRICS } from './drill';
import { periodQuerySchema, periodSchema } from './period';

/** Amounts are exact decimals as strings (never floats); rates are fractions with four places, null when dividing by zero. */
const amount = z.string().describe('An exact decimal amount, e.g. "12800.00"');
const rate = z.string().nullable().describe('A fraction with four places ("0.2500" is 25%); null when there was nothing to divide by');
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const campaignResultsSchema = z.object({
  campaign: z.object({ id: z.string(), name: z.string() }),
  attendees: z.string().nullable().describe('参与人数: the campaign\'s 实际人数'),
  leads: z.number().int().describe('销售线索: leads linked to the campaign'),
  convertedLeads: z.number().int(),
  conversionRate: rate.describe('线索转化率: converted leads / leads'),
  opportunities: z.number().int().describe('转化销售机会: opportunities of the accounts the leads became, created at conversion or after'),
  opportunityAmount: amount,
  won: z.number().int(),
  revenue: amount.describe('实际收益: amount of those opportunities that were won'),
  actualCost: z.string().nullable(),
  roi: rate.describe('(实际收益 − 实际成本) / 实际成本; null without a cost'),
}).meta({ id: 'CampaignResults' });

export const campaignTableQuerySchema = z.object({ q: z.string().max(200).optional().describe('Part of a campaign name'), ...paging });
export const campaignTableSchema = z.object({
  items: z.array(z.object({
    id: z.string(), name: z.string(), status: z.string().nullable(), ownerName: z.string().nullable(), actualCost: z.string().nullable(),
    leads: z.number().int(), converted: z.number().int(), conversionRate: rate, accounts: z.number().int(),
    opportunities: z.number().int(), opportunityAmount: amount, won: z.number().int(), revenue: amount,
  })),
  total: z.number().int(),
}).meta({ id: 'CampaignAnalysis' });

export const conversionStatsQuerySchema = periodQuerySchema.extend({ groupId: z.guid().optional().describe('One lead pool group only') });
export const conversionStatsSchema = z.object({
  period: periodSchema,
  groupId: z.string().nullable(),
  newLeads: z.number().int(),
  followedLeads: z.number().int(),
  followRate: rate,
  newOpportunities: z.number().int(),
  opportunityAmount: amount,
  leadToOpportunityRate: rate,
  averageOpportunityAmount: amount.nullable(),
  won: z.number().int(),
  wonAmount: amount,
  opportunityToWonRate: rate,
  averageWonAmount: amount.nullable(),
}).meta({ id: 'LeadConversionStats' });

const poolFigures = z.object({
  inPool: z.number().int(), held: z.number().int(), abandoned: z.number().int(), converted: z.number().int(),
  claims: z.number().int(), assigns: z.number().int(), returns: z.number().int(), recycles: z.number().int(),
});
export const poolAnalysisSchema = z.object({
  period: periodSchema,
  rows: z.array(poolFigures.extend({ groupId: z.string(), name: z.string() })),
  total: poolFigures,
}).meta({ id: 'LeadPoolAnalysis' });

export const conversionAnalysisQuerySchema = periodQuerySchema.extend({ by: z.enum(CONVERSION_DIMENSIONS).default('pool') });
const conversionFigures = z.object({
  leads: z.number().int(), converted: z.number().int(), convertedRate: rate, opportunities: z.number().int(), opportunityRate: rate,
  won: z.number().int(), wonRate: rate,
});
export const conversionAnalysisSchema = z.object({
  period: periodSchema,
  by: z.enum(CONVERSION_DIMENSIONS),
  rows: z.array(conversionFigures.extend({
    key: z.string().describe('The group, campaign or user id; "none" for leads without one'),
    name: z.string().nullable(),
  })),
  total: conversionFigures,
}).meta({ id: 'LeadConversionAnalysis' });

export const drillQuerySchema = periodQuerySchema.extend({
  metric: z.enum(DRILL_METRICS).describe('The number: campaign.* (key: campaign id), conversion.* (period, groupId, by, key), pool.* (period, key: group id)'),
  key: z.string().max(100).optional().describe('The row of the number'),
  by: z.enum(['all', ...CONVERSION_DIMENSIONS]).default('all'),
  groupId: z.guid().optional(),
  ...paging,
});
export const drillSchema = z.object({
  object: z.enum(['lead', 'opportunity', 'account']),
  items: z.array(z.object({ id: z.string(), name: z.string(), at: z.string(), amount: z.string().nullable().optional() })),
  total: z.number().int(),
}).meta({ id: 'AnalyticsDrill' });

import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database';
import { notFound } from '../platform/http/errors';
import { containsPattern } from '../platform/org/like-pattern';
import type { AnalyticsContext } from './context';
import { divide, isPositive, rate, subtract } from './decimal';
import { aggregate, valuesOf, type Family } from './metric-sets';
import { convertedAccounts, convertedOpportunities, leadColumns, readableRows } from './readable-rows';

export type CampaignMeasure = 'leads' | 'converted' | 'accounts' | 'opportunities' | 'opportunityAmount' | 'won' | 'revenue';

/** Rows keyed by campaign: its leads, the accounts and opportunities they became (§3.1.3 – §3.1.5). */
export const campaignFamily: Family<{ campaignIds?: string[] }, CampaignMeasure> = {
  ctes: (ctx, { campaignIds }) => sql`
    c AS (${readableRows(ctx, 'campaign', sql`r.id`, campaignIds ? sql<SqlBool>`r.id = ANY(${campaignIds}::uuid[])` : undefined)}),
    l AS (${readableRows(ctx, 'lead', leadColumns(sql`r.campaign_id::text`), sql<SqlBool>`r.campaign_id IN (SELECT id FROM c)`)}),
    o AS (${convertedOpportunities(ctx)}),
    a AS (${convertedAccounts(ctx)})`,
  measures: {
    leads: { source: 'l' },
    converted: { source: 'l', where: sql<SqlBool>`converted` },
    accounts: { source: 'a' },
    opportunities: { source: 'o' },
    opportunityAmount: { source: 'o', sum: true },
    won: { source: 'o', where: sql<SqlBool>`won` },
    revenue: { source: 'o', where: sql<SqlBool>`won`, sum: true },
  },
};

/** §3.1.3 查看市场活动结果 and §3.1.4 线索转化率, for one campaign the caller may read. */
export async function campaignResults(db: DbOrTx, ctx: AnalyticsContext, campaignId: string) {
  const { rows } = await sql<{ id: string; name: string; attendees: string | null; cost: string | null }>`
    ${readableRows(ctx, 'campaign', sql`r.id, r.name, r.actual_attendees::text AS attendees, r.actual_cost::text AS cost`, sql<SqlBool>`r.id = ${campaignId}::uuid`)}`.execute(db);
  const campaign = rows[0];
  if (!campaign) throw notFound();
  const v = valuesOf(campaignFamily, (await aggregate(db, ctx, campaignFamily, { campaignIds: [campaignId] })).get(campaignId));
  const revenue = v.revenue as string;
  return {
    campaign: { id: campaign.id, name: campaign.name },
    // 参与人数 is the campaign's 实际人数 field.
    attendees: campaign.attendees,
    leads: v.leads as number,
    convertedLeads: v.converted as number,
    conversionRate: rate(v.converted as number, v.leads as number),
    opportunities: v.opportunities as number,
    opportunityAmount: v.opportunityAmount as string,
    won: v.won as number,
    revenue,
    actualCost: campaign.cost,
    // "结合市场活动成本，手动计算投资回报率": ROI = (实际收益 − 实际成本) / 实际成本, when there was a cost.
    roi: isPositive(campaign.cost) ? divide(subtract(revenue, campaign.cost!), campaign.cost!, 4) : null,
  };
}

/** §3.1.5 查看数据分析: each campaign the caller may read, newest first, with its results. */
export async function campaignTable(db: DbOrTx, ctx: AnalyticsContext, query: { q?: string; page: number; pageSize: number }) {
  const named = query.q ? sql<SqlBool>`r.name ILIKE ${containsPattern(query.q)}` : undefined;
  const list = readableRows(ctx, 'campaign', sql`r.id, r.name, r.status, r.actual_cost::text AS cost, r.created_at,
    (SELECT u.name FROM users u WHERE u.tenant_id = r.tenant_id AND u.id = r.owner_id) AS owner_name`, named);
  const [page, count] = await Promise.all([
    sql<{ id: string; name: string; status: string | null; cost: string | null; owner_name: string | null }>`
      SELECT * FROM (${list}) x ORDER BY created_at DESC, id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${readableRows(ctx, 'campaign', sql`1`, named)}) x`.execute(db),
  ]);
  const ids = page.rows.map((r) => r.id);
  const values = ids.length ? await aggregate(db, ctx, campaignFamily, { campaignIds: ids }) : new Map();
  return {
    items: page.rows.map((row) => {
      const v = valuesOf(campaignFamily, values.get(row.id));
      return {
        id: row.id, name: row.name, status: row.status, ownerName: row.owner_name, actualCost: row.cost,
        leads: v.leads as number, converted: v.converted as number, conversionRate: rate(v.converted as number, v.leads as number),
        accounts: v.accounts as number, opportunities: v.opportunities as number, opportunityAmount: v.opportunityAmount as string,
        won: v.won as number, revenue: v.revenue as string,
      };
    }),
    total: count.rows[0]!.n,
  };
}

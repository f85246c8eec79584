import { get } from '../api/client';

/** Shapes of the analytics API (server analytics/analytics.types.ts). Amounts are exact decimal strings; rates fractions ("0.2500") or null. */
export type PeriodKind = 'yesterday' | 'thisWeek' | 'thisMonth' | 'custom';
export interface PeriodValue {
  period: PeriodKind;
  /** Days of a custom period, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export interface CampaignResults {
  campaign: { id: string; name: string };
  attendees: string | null;
  leads: number;
  convertedLeads: number;
  conversionRate: string | null;
  opportunities: number;
  opportunityAmount: string;
  won: number;
  revenue: string;
  actualCost: string | null;
  roi: string | null;
}

export interface CampaignRow {
  id: string;
  name: string;
  status: string | null;
  ownerName: string | null;
  actualCost: string | null;
  leads: number;
  converted: number;
  conversionRate: string | null;
  accounts: number;
  opportunities: number;
  opportunityAmount: string;
  won: number;
  revenue: string;
}

export interface ConversionStats {
  period: { from: string; to: string };
  groupId: string | null;
  newLeads: number;
  followedLeads: number;
  followRate: string | null;
  newOpportunities: number;
  opportunityAmount: string;
  leadToOpportunityRate: string | null;
  averageOpportunityAmount: string | null;
  won: number;
  wonAmount: string;
  opportunityToWonRate: string | null;
  averageWonAmount: string | null;
}

export type PoolMeasure = 'inPool' | 'held' | 'abandoned' | 'converted' | 'claims' | 'assigns' | 'returns' | 'recycles';
export type PoolFigures = Record<PoolMeasure, number>;
export interface PoolAnalysis {
  period: { from: string; to: string };
  rows: (PoolFigures & { groupId: string; name: string })[];
  total: PoolFigures;
}

export type ConversionDimension = 'pool' | 'campaign' | 'campaignOwner';
export interface ConversionFigures {
  leads: number;
  converted: number;
  convertedRate: string | null;
  opportunities: number;
  opportunityRate: string | null;
  won: number;
  wonRate: string | null;
}
export interface ConversionAnalysis {
  period: { from: string; to: string };
  by: ConversionDimension;
  rows: (ConversionFigures & { key: string; name: string | null })[];
  total: ConversionFigures;
}

/** Which records a number stands for: the drill-down endpoint's query (metric, row key, period …). */
export interface DrillQuery extends Partial<PeriodValue> {
  metric: string;
  key?: string;
  by?: 'all' | ConversionDimension;
  groupId?: string;
}

export interface DrillPage {
  object: 'lead' | 'opportunity' | 'account';
  items: { id: string; name: string; at: string; amount?: string | null }[];
  total: number;
}

const query = (values: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
};
const periodParams = (p: PeriodValue) => ({ period: p.period, from: p.period === 'custom' ? p.from : undefined, to: p.period === 'custom' ? p.to : undefined });

const base = '/api/v1/analytics';
export const analyticsApi = {
  campaignResults: (id: string) => get<CampaignResults>(`${base}/campaigns/${id}/results`),
  campaigns: (q: { q?: string; page: number; pageSize: number }) => get<{ items: CampaignRow[]; total: number }>(`${base}/campaigns?${query(q)}`),
  conversionStats: (p: PeriodValue, groupId?: string) => get<ConversionStats>(`${base}/lead-conversion-stats?${query({ ...periodParams(p), groupId })}`),
  poolAnalysis: (p: PeriodValue) => get<PoolAnalysis>(`${base}/lead-pool?${query(periodParams(p))}`),
  conversionAnalysis: (p: PeriodValue, by: ConversionDimension) => get<ConversionAnalysis>(`${base}/lead-conversion?${query({ ...periodParams(p), by })}`),
  /** The 导出 endpoints of the two reports, for the same period (and dimension) as the page shows. */
  poolAnalysisExportUrl: (p: PeriodValue) => `${base}/lead-pool/export?${query(periodParams(p))}`,
  conversionAnalysisExportUrl: (p: PeriodValue, by: ConversionDimension) => `${base}/lead-conversion/export?${query({ ...periodParams(p), by })}`,
  drill: (q: DrillQuery, page: number, pageSize: number) =>
    get<DrillPage>(`${base}/drill?${query({ ...q, ...(q.period ? periodParams(q as PeriodValue) : {}), page, pageSize })}`),
  /** The lead pool groups the caller belongs to (the pool API), for choosing one. */
  leadPoolGroups: () => get<{ items: { id: string; name: string }[] }>('/api/v1/pools/lead/groups').then((r) => r.items),
};

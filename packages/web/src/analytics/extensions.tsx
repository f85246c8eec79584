import type { DetailTab, ListAction } from '../records/extensions';
import { CampaignAnalysisButton } from './CampaignAnalysisModal';
import { CampaignResultsTab } from './CampaignResultsTab';

/** 市场活动结果 (§3.1.3, §3.1.4) beside the campaign's fields. */
export const analyticsDetailTabs: DetailTab[] = [
  { key: 'results', labelKey: 'analytics.campaign.tab', order: 25, objects: ['campaign'], render: ({ record }) => <CampaignResultsTab record={record} /> },
];

/** 查看数据分析 (§3.1.5) in the campaign list's toolbar: the market team never leaves the module. */
export const analyticsListActions: ListAction[] = [
  { key: 'campaign-analysis', objects: ['campaign'], render: () => <CampaignAnalysisButton /> },
];

import { Card, Select, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { analyticsApi } from './api';
import { LeadConversionAnalysisTab } from './LeadConversionAnalysisTab';
import { LeadConversionStatsPanel } from './LeadConversionStatsPanel';
import { PoolAnalysisTab } from './PoolAnalysisTab';

/** 销售绩效分析 (§4.1), at /analytics: 线索转换率, 线索公海池分析 and 线索转换情况, one tab each. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tabs = [
    { key: 'lead-conversion', label: t('analytics.tabs.leadConversion'), children: <LeadConversionAnalysisTab /> },
    { key: 'lead-pool', label: t('analytics.tabs.leadPool'), children: <PoolAnalysisTab /> },
    { key: 'conversion-stats', label: t('analytics.tabs.conversionStats'), children: <ConversionStatsTab /> },
  ];
  const active = tabs.some((tab) => tab.key === search.get('tab')) ? search.get('tab')! : tabs[0]!.key;
  return (
    <Card data-testid="analytics-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('menu.analytics')}</Typography.Title>
      <Tabs
        activeKey={active} destroyOnHidden
        onChange={(key) => setSearch((s) => { s.set('tab', key); return s; }, { replace: true })}
        items={tabs.map(({ key, label, children }) => ({ key, label: <span data-testid={`analytics-tab-${key}`}>{label}</span>, children }))}
      />
    </Card>
  );
}

/** §3.2.6 across the lead pools, with a choice of one group. */
function ConversionStatsTab() {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<{ id: string; name: string }[]>([]);
  const [groupId, setGroupId] = useState<string | undefined>();
  useEffect(() => {
    analyticsApi.leadPoolGroups().then(setGroups, () => setGroups([]));
  }, []);
  return (
    <LeadConversionStatsPanel
      groupId={groupId}
      toolbar={(
        <Select
          allowClear placeholder={t('analytics.stats.allGroups')} style={{ width: 200 }} value={groupId} onChange={setGroupId}
          options={groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="stats-group"
        />
      )}
    />
  );
}

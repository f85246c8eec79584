import { Card, Tabs, Typography } from 'antd';
import { POOL_OBJECTS } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { PoolGroupsPanel } from './PoolGroupsPanel';

/** 系统设置 → 公海池设置 (§3.2, §3.4): the groups of 线索池 and 客户池, each with its members and rules. */
export function PoolSettingsPage() {
  const { t } = useTranslation();
  return (
    <Card data-testid="pool-settings">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('pool.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('pool.settings.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={POOL_OBJECTS.map((object) => ({
          key: object,
          label: <span data-testid={`pool-settings-tab-${object}`}>{t(`pool.settings.tab.${object}`)}</span>,
          children: <PoolGroupsPanel object={object} />,
        }))}
      />
    </Card>
  );
}

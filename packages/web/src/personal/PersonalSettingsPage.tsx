import { Card, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiKeysTab } from './ApiKeysTab';
import { LanguageTab } from './LanguageTab';
import { ProfileTab } from './ProfileTab';
import { SecurityTab } from './SecurityTab';
import { SubscriptionsTab } from './SubscriptionsTab';
import { useProfile } from './useProfile';

const TABS = ['profile', 'security', 'subscriptions', 'api-keys', 'language'] as const;
type TabKey = (typeof TABS)[number];
const LABELS: Record<TabKey, string> = {
  profile: 'personal.tab.profile',
  security: 'personal.tab.security',
  subscriptions: 'personal.tab.subscriptions',
  'api-keys': 'personal.tab.apiKeys',
  language: 'personal.tab.language',
};

/** §2.2 个人设置, one tab per part; the tab is in the address (/settings/personal/<tab>) so it can be linked. */
export function PersonalSettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const active: TabKey = (TABS as readonly string[]).includes(tab ?? '') ? (tab as TabKey) : 'profile';
  const { profile, reload } = useProfile();

  const content = (key: TabKey) => {
    if (!profile) return <Skeleton active />;
    switch (key) {
      case 'profile': return <ProfileTab profile={profile} reload={reload} />;
      case 'security': return <SecurityTab profile={profile} reload={reload} />;
      case 'subscriptions': return <SubscriptionsTab />;
      case 'api-keys': return <ApiKeysTab />;
      case 'language': return <LanguageTab />;
    }
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('personal.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate(`/settings/personal/${key}`)}
        items={TABS.map((key) => ({ key, label: <span data-testid={`personal-tab-${key}`}>{t(LABELS[key])}</span>, children: content(key) }))}
      />
    </Card>
  );
}

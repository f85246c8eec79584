import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { Faq } from './Faq';
import { FeedbackTab } from './FeedbackTab';
import { Guides } from './Guides';

const TABS = ['guide', 'faq', 'feedback'] as const;

/** §2.1 帮助: 新版指南, 常见问题 with search, and 意见反馈; each tab has its own address (/help/faq …). */
export function HelpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const tab = TABS.find((k) => k === param) ?? 'guide';
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('help.title')}</Typography.Title>}>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(key === 'guide' ? '/help' : `/help/${key}`)}
        data-testid="help-tabs"
        items={[
          { key: 'guide', label: t('help.tab.guide'), children: <Guides /> },
          { key: 'faq', label: t('help.tab.faq'), children: <Faq /> },
          { key: 'feedback', label: t('help.tab.feedback'), children: <FeedbackTab /> },
        ]}
      />
    </Card>
  );
}

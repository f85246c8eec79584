import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GUIDES } from './content';

/** 新版指南: short guides, one card each, steps as a numbered list. */
export function Guides() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 16 }}>
      <Typography.Paragraph type="secondary" style={{ gridColumn: '1 / -1', margin: 0 }}>{t('help.guide.intro')}</Typography.Paragraph>
      {GUIDES.map((guide) => (
        <Card key={guide.id} title={t(`help.guide.${guide.id}.title`)} extra={<Link to={guide.link}>{t('help.guide.go')}</Link>} data-testid={`guide-${guide.id}`}>
          <ol style={{ paddingInlineStart: 20, margin: 0, lineHeight: 1.9 }}>
            {t(`help.guide.${guide.id}.steps`).split('\n').map((step) => <li key={step}>{step}</li>)}
          </ol>
        </Card>
      ))}
    </div>
  );
}

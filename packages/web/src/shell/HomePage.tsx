import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';

/** Home: a greeting and room for dashboard cards (the analytics issue fills them). */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <Typography.Title level={3}>{t('home.welcome', { name: me.name })}</Typography.Title>
      <Row gutter={16}>
        <Col span={24}>
          <Card data-testid="dashboard-slot">
            <Empty description={t('home.dashboardPlaceholder')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

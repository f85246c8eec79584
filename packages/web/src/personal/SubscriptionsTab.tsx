import { Alert, Button, Checkbox, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { personalApi, type Subscriptions } from './api';
import { useRun } from '../api/useRun';

/** §2.2 订阅设置: which events send a reminder email to the verified address. */
export function SubscriptionsTab() {
  const { t } = useTranslation();
  const act = useRun();
  const [state, setState] = useState<Subscriptions | null>(null);
  const [choice, setChoice] = useState<Record<string, boolean>>({});

  useEffect(() => {
    void personalApi.subscriptions().then((s) => {
      setState(s);
      setChoice(s.subscriptions);
    });
  }, []);

  if (!state) return <Skeleton active />;
  const save = () => act(async () => setState(await personalApi.saveSubscriptions(choice)));

  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 720 }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('personal.subscriptions.intro')}</Typography.Paragraph>
      {state.verifiedEmail
        ? <Typography.Text type="secondary">{t('personal.subscriptions.sendTo', { email: state.verifiedEmail })}</Typography.Text>
        : (
          <Alert
            type="warning"
            showIcon
            title={t('personal.subscriptions.noEmail')}
            action={<Link to="/settings/personal/security">{t('personal.subscriptions.verifyNow')}</Link>}
          />
        )}
      <Space orientation="vertical">
        {Object.keys(state.subscriptions).map((event) => (
          <Checkbox
            key={event}
            checked={choice[event] ?? false}
            onChange={(e) => setChoice({ ...choice, [event]: e.target.checked })}
            data-testid={`subscription-${event}`}
          >
            {t(`personal.event.${event}`)}
          </Checkbox>
        ))}
      </Space>
      <Button type="primary" onClick={() => void save()} data-testid="subscriptions-save">{t('common.save')}</Button>
    </Space>
  );
}

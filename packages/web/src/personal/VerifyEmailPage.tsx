import { Button, Card, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useMe } from '../auth/me';
import { personalApi } from './api';

type Outcome = { state: 'working' } | { state: 'verified'; email: string } | { state: 'refused'; reason: string };

/**
 * Where the verification email's link lands. Public: the token is the credential, so it works in
 * a browser that is not signed in (a phone's mail app, say).
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'working' });
  const sent = useRef(false); // a token works once: never post it twice (React's strict mode runs effects twice)

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    if (!token) return setOutcome({ state: 'refused', reason: t('personal.verify.noToken') });
    personalApi.verifyEmail(token).then(
      ({ email }) => {
        setOutcome({ state: 'verified', email });
        void refresh(); // a signed-in user sees the verified address at once
      },
      (error: Error) => setOutcome({ state: 'refused', reason: error.message }),
    );
  }, [token, refresh, t]);

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 480 }} data-testid="verify-email">
        {outcome.state === 'working' && <Result icon={<Spin size="large" />} title={t('personal.verify.working')} />}
        {outcome.state === 'verified' && (
          <Result
            status="success"
            title={t('personal.verify.success', { email: outcome.email })}
            subTitle={t('personal.verify.successHint')}
            extra={<Button type="primary" href="/">{t('personal.verify.toApp')}</Button>}
          />
        )}
        {outcome.state === 'refused' && (
          <Result status="error" title={t('personal.verify.failed')} subTitle={<span data-testid="verify-email-reason">{outcome.reason}</span>}
            extra={<Button href="/">{t('personal.verify.toApp')}</Button>} />
        )}
      </Card>
    </div>
  );
}

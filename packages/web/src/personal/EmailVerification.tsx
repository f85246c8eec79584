import { Alert, Button, Card, Descriptions, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalApi, type Profile } from './api';
import { useRun } from '../api/useRun';
import { VerificationStatus } from './VerificationStatus';

/** Sends a verification link; opening it (VerifyEmailPage) makes the address verified and a login. */
export function EmailVerification({ profile, onChanged }: { profile: Profile; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const act = useRun();
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());

  const send = async () => {
    setSending(true);
    const address = email.trim();
    const ok = await act(() => personalApi.requestEmailVerification(address), t('personal.email.sent', { email: address }));
    setSending(false);
    if (ok) {
      setEmail('');
      await onChanged();
    }
  };

  return (
    <Card title={t('personal.email.title')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('personal.email.current')}>
          <VerificationStatus value={profile.email} verified={profile.emailVerified} testId="email-status" />
        </Descriptions.Item>
      </Descriptions>
      {profile.pendingEmail && <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={t('personal.email.pending', { email: profile.pendingEmail })} />}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          onPressEnter={() => valid && void send()}
          placeholder={t('personal.email.placeholder')}
          data-testid="email-input"
          maxLength={200}
        />
        <Button type="primary" onClick={() => void send()} loading={sending} disabled={!valid} data-testid="email-send">
          {t('personal.email.send')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

import { Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalApi, type Profile } from './api';
import { useRun } from '../api/useRun';
import { VerificationStatus } from './VerificationStatus';

const RESEND_SECONDS = 60;

/** Texts a six-digit code (10 minutes, 5 tries); the right code makes the mobile verified and a login. */
export function MobileVerification({ profile, onChanged }: { profile: Profile; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const act = useRun();
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(profile.pendingMobile);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    let to = '';
    const ok = await act(async () => {
      to = (await personalApi.requestMobileCode(mobile.trim())).mobile;
    }, null);
    if (ok) {
      setSentTo(to);
      setWait(RESEND_SECONDS);
    }
  };

  const confirm = async () => {
    let verified = '';
    const ok = await act(async () => {
      verified = (await personalApi.confirmMobileCode(code.trim())).mobile;
    }, t('personal.mobile.verified', { mobile: sentTo ?? '' }));
    if (ok && verified) {
      setCode('');
      setMobile('');
      setSentTo(null);
      await onChanged();
    }
  };

  return (
    <Card title={t('personal.mobile.title')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('personal.mobile.current')}>
          <VerificationStatus value={profile.mobile} verified={profile.mobileVerified} testId="mobile-status" />
        </Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input value={mobile} onChange={(e) => setMobile(e.target.value)} placeholder={t('personal.mobile.placeholder')} data-testid="mobile-input" maxLength={30} />
          <Button onClick={() => void sendCode()} disabled={wait > 0 || mobile.trim().length < 6} data-testid="mobile-send">
            {wait > 0 ? t('personal.mobile.resendIn', { seconds: wait }) : t('personal.mobile.sendCode')}
          </Button>
        </Space.Compact>
        {sentTo && (
          <>
            <Typography.Text type="secondary">{t('personal.mobile.codeSent', { mobile: sentTo })}</Typography.Text>
            <Space.Compact style={{ width: 320 }}>
              <Input value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))} placeholder={t('personal.mobile.codePlaceholder')} inputMode="numeric" data-testid="mobile-code" />
              <Button type="primary" onClick={() => void confirm()} disabled={code.length !== 6} data-testid="mobile-confirm">{t('personal.mobile.confirm')}</Button>
            </Space.Compact>
          </>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('personal.mobile.logHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import type { Profile } from './api';
import { EmailVerification } from './EmailVerification';
import { MobileVerification } from './MobileVerification';
import { PasswordForm } from './PasswordForm';

/** §2.2 安全验证: verify email and mobile (each then signs in), change the password. */
export function SecurityTab({ profile, reload }: { profile: Profile; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const changed = async () => {
    await Promise.all([reload(), refresh()]);
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Alert type="info" showIcon title={t('personal.security.intro')} />
      <EmailVerification profile={profile} onChanged={changed} />
      <MobileVerification profile={profile} onChanged={changed} />
      <PasswordForm />
    </Space>
  );
}

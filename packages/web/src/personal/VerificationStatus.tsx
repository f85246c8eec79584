import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The current address or number with whether it is verified. */
export function VerificationStatus({ value, verified, testId }: { value: string | null; verified: boolean; testId: string }) {
  const { t } = useTranslation();
  if (!value) return <span data-testid={testId}>{t('personal.email.none')}</span>;
  return (
    <span data-testid={testId}>
      {value}{' '}
      <Tag color={verified ? 'success' : 'default'} style={{ marginLeft: 8 }}>
        {verified ? t('personal.email.verified') : t('personal.email.unverified')}
      </Tag>
    </span>
  );
}

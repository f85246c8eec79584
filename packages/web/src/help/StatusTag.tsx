import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function StatusTag({ status }: { status: 'open' | 'replied' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'orange' : 'green'}>{t(`help.status.${status}`)}</Tag>;
}

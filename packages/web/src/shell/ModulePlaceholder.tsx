import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown for menu items whose module has not been built yet, so navigation never dead-ends. */
export function ModulePlaceholder({ menuKey }: { menuKey: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('module.comingSoon', { module: t(`menu.${menuKey}`) })} />;
}

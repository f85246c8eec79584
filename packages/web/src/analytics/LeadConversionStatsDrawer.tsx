import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { LeadConversionStatsPanel } from './LeadConversionStatsPanel';

/** The lead pool's side panel of §3.2.6 (the pool page opens it with its current group). */
export function LeadConversionStatsDrawer({ open, onClose, groupId }: { open: boolean; onClose: () => void; groupId?: string }) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} title={t('analytics.stats.title')} size={560} destroyOnHidden>
      <LeadConversionStatsPanel groupId={groupId} narrow />
    </Drawer>
  );
}

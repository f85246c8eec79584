import { Button } from 'antd';
import { LineChartOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LeadConversionStatsDrawer } from '../../analytics/LeadConversionStatsDrawer';

/** 线索转换情况 (§3.2.6): the lead pool's side panel, for the group chosen at the top left. */
export function LeadConversionButton({ groupId }: { groupId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<LineChartOutlined />} onClick={() => setOpen(true)} data-testid="pool-conversion-stats">{t('pool.conversion.open')}</Button>
      <LeadConversionStatsDrawer open={open} onClose={() => setOpen(false)} groupId={groupId} />
    </>
  );
}

import { Button, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SwapRightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DetailAction, RecordData } from '../../records/extensions';
import { recordPath } from '../../records/paths';
import { ConvertLeadDialog } from './ConvertLeadDialog';

const isConverted = (lead: RecordData) => lead.status === '已转换' || !!lead.convertedAt;

/** 转为客户 in a lead's header (§3.3.7); once converted, what it became instead. */
function ConvertLeadAction({ lead, onChanged }: { lead: RecordData; onChanged(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {isConverted(lead)
        ? <ConvertedBanner lead={lead} />
        : <Button type="primary" icon={<SwapRightOutlined />} onClick={() => setOpen(true)} data-testid="lead-convert">{t('leadConvert.button')}</Button>}
      {/* Stays mounted after converting: the dialog shows the new records while the page reloads the lead. */}
      <ConvertLeadDialog open={open} lead={lead} onClose={() => setOpen(false)} onConverted={onChanged} />
    </>
  );
}

/** "已转换" with links to the account, contact and opportunity the lead became. */
function ConvertedBanner({ lead }: { lead: RecordData }) {
  const { t } = useTranslation();
  const links = (['account', 'contact', 'opportunity'] as const).flatMap((object) => {
    const key = `converted${object[0]!.toUpperCase()}${object.slice(1)}Id`;
    const id = lead[key];
    if (typeof id !== 'string') return [];
    return [(
      <span key={object}>
        <Typography.Text type="secondary">{t(`leadConvert.${object}`)} </Typography.Text>
        <Link to={recordPath(object, id)} data-testid={`lead-converted-${object}`}>{lead.display?.[key] ?? id.slice(0, 8)}</Link>
      </span>
    )];
  });
  return (
    <Space size={12} wrap data-testid="lead-converted" style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '4px 12px' }}>
      <Tag color="success" icon={<CheckCircleOutlined />} style={{ margin: 0 }}>{t('leadConvert.converted')}</Tag>
      {typeof lead.convertedAt === 'string' && (
        <Typography.Text type="secondary">{t('leadConvert.convertedAt', { at: dayjs(lead.convertedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      )}
      {links}
    </Space>
  );
}

export const leadConvertActions: DetailAction[] = [{
  key: 'lead-convert', objects: ['lead'], order: 0,
  render: ({ record, onChanged }) => <ConvertLeadAction lead={record} onChanged={onChanged} />,
}];

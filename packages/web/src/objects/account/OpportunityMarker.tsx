import { FundOutlined } from '@ant-design/icons';
import { List, Popover, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recordsApi } from '../../records/api';
import type { RecordData } from '../../records/extensions';
import { groupDigits } from '../../records/fields';
import { recordPath } from '../../records/paths';
import { useOpportunityCount } from './opportunityMarks';

const SHOWN = 10;

/** §3.5.5: 客户名称前面有图标代表此客户已经建立销售机会。点击图标即可打开销售机会. */
export function OpportunityMarker({ record, pageIds }: { record: RecordData; pageIds: string[] }) {
  const { t } = useTranslation();
  const count = useOpportunityCount(pageIds, record.id);
  if (!count) return null;
  return (
    <Popover trigger="click" destroyOnHidden placement="rightTop" content={<OpportunitiesOf account={record} count={count} />}>
      <span
        role="button" title={t('account.marker', { count })} aria-label={t('account.marker', { count })}
        style={{ color: '#1677ff', cursor: 'pointer' }} data-testid="opportunity-marker"
      >
        <FundOutlined />
      </span>
    </Popover>
  );
}

function OpportunitiesOf({ account, count }: { account: RecordData; count: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<RecordData[] | null>(null);
  useEffect(() => {
    let current = true;
    void recordsApi.list('opportunity', { filter: { field: 'accountId', op: 'eq', value: account.id }, view: 'all', sort: '-createdAt', page: 1, pageSize: SHOWN })
      .then((page) => { if (current) setItems(page.items); }, () => { if (current) setItems([]); });
    return () => { current = false; };
  }, [account.id]);
  return (
    <div style={{ width: 360 }} data-testid="opportunity-popover">
      <Typography.Text strong>{t('account.markerTitle', { name: String(account.name ?? ''), count })}</Typography.Text>
      {items === null ? <div><Spin size="small" /></div> : (
        <List
          size="small" dataSource={items}
          renderItem={(o) => (
            <List.Item extra={typeof o.amount === 'string' ? `¥${groupDigits(o.amount)}` : null}>
              <Link to={recordPath('opportunity', o.id)}>{String(o.name ?? '')}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{String(o.stage ?? '')}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {count > SHOWN && <Link to={`${recordPath('account', account.id)}?tab=related-opportunity-accountId`}>{t('account.markerAll', { count })}</Link>}
    </div>
  );
}

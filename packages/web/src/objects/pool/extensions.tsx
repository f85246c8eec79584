import { Button } from 'antd';
import type { ReactNode } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { POOL_OBJECTS, type ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/me';
import type { DetailAction, ListAction, RecordData } from '../../records/extensions';
import type { SystemSection } from '../../settings/systemSections';
import { PoolDetailActions } from './PoolDetailActions';
import { InitPoolGroupBatch, ReturnToPoolBatch } from './PoolListBatchActions';
import { POOL_PAGES, isPoolObject } from './pools';
import { PoolSettingsPage } from './settings/PoolSettingsPage';

function GoToPool({ object }: { object: string }) {
  const { t } = useTranslation();
  if (!isPoolObject(object)) return null;
  return (
    <Link to={POOL_PAGES[object].path}>
      <Button icon={<InboxOutlined />} data-testid="go-to-pool">{t(`pool.goClaim.${object}`)}</Button>
    </Link>
  );
}

/** 去线索池领取 (§3.3.3) on the lead list, and its account counterpart. */
export const poolListActions: ListAction[] = [{ key: 'go-to-pool', objects: [...POOL_OBJECTS], render: ({ object }) => <GoToPool object={object.key} /> }];

/** The pool tag and 退回公海池 / 废弃 (/ 领取, 恢复) on lead and account pages (§3.3.7, §3.5.11). */
export const poolDetailActions: DetailAction[] = [{
  key: 'pool', objects: [...POOL_OBJECTS], order: 10,
  render: ({ object, record, onChanged }) => <PoolDetailActions object={object} record={record} onChanged={onChanged} />,
}];

/** What a list's batch action gets (records/extensions.tsx BatchAction). */
interface BatchProps {
  object: ObjectMeta;
  selected: RecordData[];
  onDone(): void;
}

function InitGroupForPoolAdmins(props: BatchProps) {
  const { can } = useMe();
  return can('pool.admin') ? <InitPoolGroupBatch {...props} /> : null;
}

/**
 * On the lead and account lists: 退回公海池 for the selected records (§3.5.11 方法一); on the account
 * list, 初始化公海池分组 for pool administrators (§3.5.12).
 */
export const poolBatchActions: { key: string; objects: string[]; render(props: BatchProps): ReactNode }[] = [
  { key: 'pool-return', objects: [...POOL_OBJECTS], render: (props) => <ReturnToPoolBatch {...props} /> },
  { key: 'pool-init-group', objects: ['account'], render: (props) => <InitGroupForPoolAdmins {...props} /> },
];

/** 系统设置 → 公海池设置: groups, members, auto-assign rules and recycle rules of both pools. */
export const poolSection: SystemSection = { key: 'pools', labelKey: 'pool.settings.title', permission: 'pool.admin', element: <PoolSettingsPage /> };

import { POOL_OBJECTS, type PoolGroup, type PoolObjectKey } from '@yixiao/core';
import type { RecordData } from '../../records/extensions';

/** Where each pool lives in the app (menu keys lead_pool / account_pool) and how its screens speak of it. */
export const POOL_PAGES: Record<PoolObjectKey, { path: string; menuKey: string }> = {
  lead: { path: '/lead-pool', menuKey: 'lead_pool' },
  account: { path: '/account-pool', menuKey: 'account_pool' },
};

export const isPoolObject = (key: string): key is PoolObjectKey => (POOL_OBJECTS as readonly string[]).includes(key);

/** The group a listed record belongs to, among the groups the viewer knows. */
export const groupOf = (record: RecordData, groups: PoolGroup[]) => groups.find((g) => g.id === record.poolGroupId);

/**
 * §3.2.3 note: when a group does not allow preview, members see the record only once they hold it.
 * Group administrators and the record's holder may always open it.
 */
export const mayOpen = (record: RecordData, groups: PoolGroup[], userId: string) => {
  if (record.ownerId === userId) return true;
  const group = groupOf(record, groups);
  return !group || group.previewAllowed || group.canAdminister;
};

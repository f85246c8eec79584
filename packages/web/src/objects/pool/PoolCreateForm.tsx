import { App } from 'antd';
import type { ObjectMeta, PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../records/extensions';
import { RecordForm } from '../../records/form/RecordForm';
import { poolApi } from './api';

interface Props {
  meta: ObjectMeta;
  groups: PoolGroup[];
  /** The group chosen at the top left, preselected in 所属公海. */
  groupId?: string;
  open: boolean;
  onClose(): void;
  onSaved(record: RecordData): void;
}

/**
 * 新建 in the pool (§3.2.1, §3.4.2): the generic form without the owner (nobody holds a pool record),
 * 所属公海 limited to the user's groups and preselected. An auto-assign rule may hand the new record
 * to someone at once (§3.2.8): the user is told to whom.
 */
export function PoolCreateForm({ meta, groups, groupId, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const object = meta.key as PoolObjectKey;
  const mine = new Set(groups.map((g) => g.id));
  const poolMeta = useMemo<ObjectMeta>(() => ({
    ...meta,
    owned: false,
    fields: meta.fields
      .filter((f) => f.key !== 'ownerId')
      .map((f) => (f.key === 'poolGroupId' ? { ...f, required: true, onCreate: true, options: (f.options ?? []).filter((o) => mine.has(o.value)) } : f)),
  }), [meta, groups]);
  const preselected = groupId ?? groups.find((g) => g.isDefault)?.id ?? groups[0]?.id;

  return (
    <RecordForm
      meta={poolMeta}
      open={open}
      prefill={preselected ? { poolGroupId: preselected } : undefined}
      create={(values, key) => poolApi.create(object, values, key)}
      onClose={onClose}
      onSaved={(record) => {
        if (record.ownerId) void message.info(t('pool.create.autoAssigned', { name: record.display?.ownerId ?? '' }));
        onSaved(record);
      }}
    />
  );
}

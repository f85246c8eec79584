import { Tag } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import type { ObjectMeta, PoolGroup } from '@yixiao/core';
import type { TFunction } from 'i18next';
import type { RecordData } from '../../records/extensions';
import { recordName } from '../../records/fields';
import { mayOpen } from './pools';

/** Where a listed record stands, for the 状态 column of "显示已领取、已转换、已废弃的…". */
export function poolStateOf(record: RecordData): 'pool' | 'held' | 'abandoned' | 'converted' {
  if (record.status === '已转换' || record.convertedAt) return 'converted';
  const state = record.poolState;
  if (state === 'pool' || state === 'held' || state === 'abandoned') return state;
  return record.ownerId ? 'held' : 'pool';
}

const STATE_COLORS = { pool: 'blue', held: 'green', abandoned: 'default', converted: 'purple' } as const;

/**
 * The list's columns adapted to the pool: names stay plain text where the group hides details
 * until claimed (§3.2.3 note), and a 状态 column when held and abandoned records are shown too.
 */
export function adaptPoolColumns(columns: ColumnsType<RecordData>, o: { meta: ObjectMeta; groups: PoolGroup[]; userId: string; showAll: boolean; t: TFunction }) {
  const adapted = columns.map((column) => {
    if (column.key !== o.meta.nameField) return column;
    const linked = column.render!;
    return {
      ...column,
      render: (value: unknown, record: RecordData, index: number) => (mayOpen(record, o.groups, o.userId)
        ? linked(value, record, index)
        : <span data-testid="record-name-locked" title={o.t('pool.list.previewLocked')}>{recordName(o.meta, record)}</span>),
    };
  });
  const extra: ColumnsType<RecordData> = [];
  if (o.showAll) {
    extra.push({
      key: '__poolState', title: o.t('pool.list.state'), width: 90,
      render: (_: unknown, record: RecordData) => {
        const state = poolStateOf(record);
        return <Tag color={STATE_COLORS[state]} data-testid="pool-state">{o.t(`pool.state.${state}`)}</Tag>;
      },
    });
  }
  // After the name column, before the object's own fields.
  return [adapted[0]!, ...extra, ...adapted.slice(1)];
}

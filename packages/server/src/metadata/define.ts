import type { FieldMeta, FieldType, Label, ObjectMeta, PicklistOption } from '@yixiao/core';

/** A standard field: its metadata plus the column that holds it. */
export interface StandardField extends FieldMeta {
  column: string;
  /** Default for new records (a picklist's first option, …). */
  defaultValue?: unknown;
}

export interface StandardObject extends Omit<ObjectMeta, 'fields'> {
  table: string;
  fields: StandardField[];
  /** Fields whose text feeds global search (names, companies, phones, emails). */
  searchFields: string[];
}

type Options = Partial<Omit<StandardField, 'key' | 'label' | 'type'>>;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function field(key: string, zh: string, en: string, type: FieldType, options: Options = {}): StandardField {
  return {
    key,
    label: { zh, en },
    type,
    required: false,
    onCreate: false,
    custom: false,
    readOnly: false,
    retired: false,
    column: snake(key),
    ...options,
  };
}

/** Picklist options whose stored value is the Chinese label, as imports and the manual use them. */
export const options = (...pairs: [zh: string, en: string][]): PicklistOption[] =>
  pairs.map(([zh, en]) => ({ value: zh, label: { zh, en }, enabled: true }));

/** The fields every owned record carries (所有人, 所属部门, 创建人, 最新活动记录时间 …). */
export function ownedRecordFields(ownerLabel: Label = { zh: '负责人', en: 'Owner' }): StandardField[] {
  return [
    field('ownerId', ownerLabel.zh, ownerLabel.en, 'user', { required: true, onCreate: true }),
    field('departmentId', '所属部门', 'Department', 'department', { onCreate: true }),
    ...systemFields(),
    field('lastActivityAt', '最新活动记录时间', 'Last activity', 'datetime', { readOnly: true }),
  ];
}

export function systemFields(): StandardField[] {
  return [
    field('createdBy', '创建人', 'Created by', 'user', { readOnly: true }),
    field('createdAt', '创建日期', 'Created', 'datetime', { readOnly: true }),
    field('updatedBy', '最新修改人', 'Last modified by', 'user', { readOnly: true }),
    field('updatedAt', '更新时间', 'Updated', 'datetime', { readOnly: true }),
  ];
}

/**
 * 所属公海: the pool group a lead or account belongs to. A picklist whose options are the company's
 * groups (filled in by the registry); given at creation (the default group otherwise), changed only
 * by 改变分组 and the other pool actions.
 */
export function poolGroupField(): StandardField {
  return field('poolGroupId', '所属公海', 'Pool group', 'picklist', { onCreate: true, dynamicOptions: true, createOnly: true, options: [] });
}

/** 公海状态: where a pooled record stands (in the pool, held, abandoned); set by the pool actions only. */
export function poolStateField(): StandardField {
  return field('poolState', '公海状态', 'Pool state', 'picklist', {
    readOnly: true,
    options: [
      { value: 'pool', label: { zh: '公海中', en: 'In the pool' }, enabled: true },
      { value: 'held', label: { zh: '已领取', en: 'Claimed' }, enabled: true },
      { value: 'abandoned', label: { zh: '已废弃', en: 'Abandoned' }, enabled: true },
    ],
  });
}

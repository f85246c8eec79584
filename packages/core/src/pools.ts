/**
 * Shapes of the pool API (公海池, §3.2 / §3.4), shared by server and web. One engine serves lead
 * pools and account pools; every route below takes the pool object ('lead' | 'account').
 *
 *   GET    /api/v1/pools/:object/groups                       groups the caller belongs to (all, for pool administrators)
 *   POST   /api/v1/pools/:object/groups                       PoolGroupInput → PoolGroup            (pool.admin)
 *   GET    /api/v1/pools/:object/groups/:groupId              PoolGroupDetail (members and rules)
 *   PATCH  /api/v1/pools/:object/groups/:groupId              PoolGroupInput & { version }           (pool.admin)
 *   DELETE /api/v1/pools/:object/groups/:groupId              only an empty, non-default group       (pool.admin)
 *   PUT    /api/v1/pools/:object/groups/:groupId/members      { members: PoolMemberInput[] }          (pool.admin)
 *   POST   /api/v1/pools/:object/groups/:groupId/rules        AssignRuleInput → AssignRule            (group administrators)
 *   PATCH  /api/v1/pools/:object/groups/:groupId/rules/:id    AssignRuleInput & { version }
 *   DELETE /api/v1/pools/:object/groups/:groupId/rules/:id
 *   PUT    /api/v1/pools/:object/groups/:groupId/rules-order  { ids: string[] }
 *   GET    /api/v1/pools/:object/groups/:groupId/recycle-preview?days=1   RecyclePreview (group administrators)
 *   GET    /api/v1/pools/:object/records?groupId=&all=&filter=&sort=&page=&pageSize=
 *                                                             the pool list: { items, total, totalCapped }
 *   POST   /api/v1/pools/:object/records                      create in the pool (no owner): record values incl. poolGroupId
 *   POST   /api/v1/pools/:object/batch/:action                { ids, userId?, groupId?, reason? } → { results: BatchResult[] }
 *          action: claim | assign | change-group | abandon | restore | recycle | return
 *   POST   /api/v1/pools/:object/batch/init-group            { ids, groupId } → { results } (pool.admin; §3.5.12 初始化公海池分组:
 *                                                             records without a group get this one, others are left as they are)
 *   GET    /api/v1/pools/:object/events?groupId=&recordId=&page=   PoolEventPage (查看公海操作记录)
 *   GET    /api/v1/pools/:object/records/:id/pool-status      PoolStatus (group, days left before a rule returns it)
 */
import type { FilterCondition } from './filter';

export const POOL_OBJECTS = ['lead', 'account'] as const;
export type PoolObjectKey = (typeof POOL_OBJECTS)[number];

export const POOL_ACTIONS = ['claim', 'assign', 'change-group', 'abandon', 'restore', 'recycle', 'return'] as const;
export type PoolAction = (typeof POOL_ACTIONS)[number];

/** 'pool': in the pool, nobody holds it; 'held': someone owns it; 'abandoned': 废弃, kept for 恢复. */
export type PoolState = 'pool' | 'held' | 'abandoned';

export type ClaimMode = 'claim' | 'assign';

export interface PoolGroupInput {
  name: string;
  /** Every user of the company is a member (the default group). */
  everyone: boolean;
  /** 'claim': 销售人员自行领取; 'assign': 分组管理员手动分配. */
  claimMode: ClaimMode;
  /** Members may open a record's details before claiming it. */
  previewAllowed: boolean;
  /** The most records of this group one member may hold; null: no limit. */
  maxHeld: number | null;
  /** Members (not only administrators) may move records to another group. */
  membersMayMove: boolean;
  /** Back to the pool when not followed up for this many days. */
  recycleIdleDays: number | null;
  /** Back to the pool when not converted (leads) / not won (accounts) this many days after being claimed. */
  recycleUnconvertedDays: number | null;
}

export interface PoolGroup extends PoolGroupInput {
  id: string;
  object: PoolObjectKey;
  isDefault: boolean;
  version: number;
  /** Whether the caller administers this group (a group administrator or holder of pool.admin). */
  canAdminister: boolean;
  /** Records in the pool now (state 'pool'). */
  poolCount: number;
}

export interface PoolMemberInput {
  userId: string;
  isAdmin: boolean;
}

export interface PoolMember extends PoolMemberInput {
  name: string;
  departmentName: string | null;
}

/** A target of an auto-assign rule: a user, or every active user of a department (用户组), in turn. */
export interface AssignTarget {
  type: 'user' | 'department';
  id: string;
}

export interface AssignRuleInput {
  name: string;
  enabled: boolean;
  /** Up to 20 conditions on the object's fields, all of which must hold; `returnedCount` is 退回次数. */
  conditions: AssignCondition[];
  targets: AssignTarget[];
}

export type AssignCondition = FilterCondition;

export interface AssignRule extends AssignRuleInput {
  id: string;
  position: number;
  version: number;
  /** Target names, for showing the rule. */
  targetNames: string[];
}

export interface PoolGroupDetail extends PoolGroup {
  members: PoolMember[];
  rules: AssignRule[];
}

export const MAX_ASSIGN_CONDITIONS = 20;

export type PoolEventKind =
  | 'create_in_pool' | 'claim' | 'assign' | 'auto_assign' | 'change_group' | 'abandon' | 'restore'
  | 'recycle' | 'return' | 'rule_recycle' | 'recycle_warning' | 'convert' | 'delete' | 'init_group';

export interface PoolEvent {
  id: string;
  recordId: string;
  recordName: string | null;
  kind: PoolEventKind;
  actorId: string | null;
  actorName: string | null;
  fromOwnerName: string | null;
  toOwnerName: string | null;
  fromGroupName: string | null;
  toGroupName: string | null;
  /** e.g. { reason } for a return, { rule, days } for a rule recycle, { ruleName } for an auto-assign. */
  detail: Record<string, unknown>;
  at: string;
}

export type RecycleRuleKind = 'idle' | 'unconverted';

export interface PoolStatus {
  groupId: string | null;
  groupName: string | null;
  state: PoolState;
  claimedAt: string | null;
  returnedCount: number;
  /** The rule that will return the record first, and when; null when no rule applies. */
  recycle: { rule: RecycleRuleKind; days: number; dueAt: string; daysLeft: number } | null;
}

export interface RecyclePreviewItem {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  rule: RecycleRuleKind;
  days: number;
  dueAt: string;
}

export interface RecyclePreview {
  /** Records that a rule will return to the pool before this moment. */
  until: string;
  items: RecyclePreviewItem[];
}

/** GET /events: newest first, a page at a time. */
export interface PoolEventPage {
  items: PoolEvent[];
  hasMore: boolean;
}

import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the pool tables and the event log (0014_pools.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type PoolObject = 'lead' | 'account';

export interface PoolGroupsTable {
  tenant_id: string;
  id: Generated<string>;
  object: PoolObject;
  name: string;
  everyone: Generated<boolean>;
  is_default: Generated<boolean>;
  claim_mode: Generated<'claim' | 'assign'>;
  preview_allowed: Generated<boolean>;
  max_held: number | null;
  members_may_move: Generated<boolean>;
  recycle_idle_days: number | null;
  recycle_unconverted_days: number | null;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PoolGroupMembersTable {
  tenant_id: string;
  group_id: string;
  user_id: string;
  is_admin: Generated<boolean>;
}

export interface AssignTarget {
  type: 'user' | 'department';
  id: string;
}

export interface PoolAssignRulesTable {
  tenant_id: string;
  id: Generated<string>;
  group_id: string;
  name: string;
  position: Generated<number>;
  enabled: Generated<boolean>;
  conditions: Json<unknown[]>;
  targets: Json<AssignTarget[]>;
  next_turn: ColumnType<string, string | number | undefined, string | number>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface RecordEventsTable {
  tenant_id: string;
  id: Generated<string>;
  object: string;
  record_id: string;
  kind: string;
  actor_id: string | null;
  from_owner_id: string | null;
  to_owner_id: string | null;
  from_group_id: string | null;
  to_group_id: string | null;
  detail: Json<Record<string, unknown>>;
  at: Timestamp;
}

declare module './schema' {
  interface DB {
    pool_groups: PoolGroupsTable;
    pool_group_members: PoolGroupMembersTable;
    pool_assign_rules: PoolAssignRulesTable;
    record_events: RecordEventsTable;
  }
}

import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the record engine's shared tables (0010_records.sql). Object tables are queried through records/. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FieldSettingsTable {
  tenant_id: string;
  object: string;
  field_key: string;
  custom: boolean;
  settings: ColumnType<Record<string, unknown>, string, string>;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ListViewsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  object: string;
  name: string;
  filter: ColumnType<unknown, string, string>;
  sort: string | null;
  created_at: Timestamp;
}

export interface ListColumnSettingsTable {
  tenant_id: string;
  user_id: string;
  object: string;
  columns: string[];
}

export interface RecordTeamMembersTable {
  tenant_id: string;
  object: string;
  record_id: string;
  user_id: string;
  access: 'read' | 'write';
  added_by: string | null;
  added_at: Timestamp;
}

export interface RecordFilesTable {
  tenant_id: string;
  object: string;
  record_id: string;
  file_id: string;
  added_by: string;
  added_at: Timestamp;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  user_id: string;
  key: string;
  object: string;
  record_id: string;
  created_at: Timestamp;
}

export interface AutonumberCountersTable {
  tenant_id: string;
  object: string;
  field_key: string;
  next_value: Generated<string>;
}

declare module './schema' {
  interface DB {
    field_settings: FieldSettingsTable;
    list_views: ListViewsTable;
    list_column_settings: ListColumnSettingsTable;
    record_team_members: RecordTeamMembersTable;
    record_files: RecordFilesTable;
    idempotency_keys: IdempotencyKeysTable;
    autonumber_counters: AutonumberCountersTable;
  }
}

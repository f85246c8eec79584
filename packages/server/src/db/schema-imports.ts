import type { ColumnType, Generated } from 'kysely';
import type { FileFormat, ImportMode, ImportStatus, ImportTarget, TextEncoding } from '@yixiao/core';

/** Kysely's view of the import tables (0018_imports.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

/** A message kept for rendering later, in the reader's language. */
export interface StoredMessage {
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportJobsTable {
  tenant_id: string;
  id: Generated<string>;
  object: string;
  target: ImportTarget;
  file_name: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  mode: ImportMode;
  status: Generated<ImportStatus>;
  total: number | null;
  processed: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  notices: Json<StoredMessage[]>;
  error: ColumnType<StoredMessage | null, string | null | undefined, string | null>;
  started_by: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: Timestamp;
  runner: string | null;
  cursor: Generated<number>;
  cancel_requested: Generated<boolean>;
  header: ColumnType<string[], string[] | undefined, string[]>;
  /** AssignedTally: user id → { count, first } */
  assigned: Json<Record<string, { count: number; first: { id: string; name: string }[] }>>;
}

export type RowOutcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface ImportRowsTable {
  tenant_id: string;
  job_id: string;
  line: number;
  cells: string[];
  outcome: RowOutcome | null;
  error: ColumnType<StoredMessage | null, string | null | undefined, string | null>;
}

export interface ImportChangesTable {
  tenant_id: string;
  job_id: string;
  record_id: string;
  line: number;
  kind: 'created' | 'updated';
  previous: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  version: number;
}

declare module './schema' {
  interface DB {
    import_jobs: ImportJobsTable;
    import_rows: ImportRowsTable;
    import_changes: ImportChangesTable;
  }
}

import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the activity and task tables (0010_records.sql, 0011_tasks.sql), for the 动态
 * and 任务日程 code that reads them directly; generic record code goes through records/.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Custom = ColumnType<Record<string, unknown>, string | undefined, string>;

interface OwnedRecordColumns {
  tenant_id: string;
  id: Generated<string>;
  related_object: string | null;
  related_id: string | null;
  owner_id: string | null;
  department_id: string | null;
  last_activity_at: NullableTimestamp;
  custom: Custom;
  search_text: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ActivitiesTable extends OwnedRecordColumns {
  type: string;
  content: string;
  occurred_at: NullableTimestamp;
}

export interface TasksTable extends OwnedRecordColumns {
  subject: string;
  due_at: NullableTimestamp;
  remind_at: NullableTimestamp;
  status: Generated<string>;
  priority: string | null;
  description: string | null;
  completed_at: NullableTimestamp;
}

export interface TaskCommentsTable {
  tenant_id: string;
  id: Generated<string>;
  task_id: string;
  author_id: string;
  content: string;
  created_at: Timestamp;
}

declare module './schema' {
  interface DB {
    activities: ActivitiesTable;
    tasks: TasksTable;
    task_comments: TaskCommentsTable;
  }
}

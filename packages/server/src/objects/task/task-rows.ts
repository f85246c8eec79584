import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canRead, canWrite } from '../../records/visibility';
import { DONE, TASK_PARENTS, type TaskItem } from './task.types';

/** A task row with what its list item shows: names, counts, and whether the caller may complete it. */
export interface TaskRow {
  id: string;
  subject: string;
  status: string;
  priority: string | null;
  due_at: Date | null;
  remind_at: Date | null;
  description: string | null;
  completed_at: Date | null;
  created_at: Date;
  owner_id: string | null;
  created_by: string | null;
  related_object: string | null;
  related_id: string | null;
  assignee_name: string | null;
  creator_name: string | null;
  comment_count: number;
  file_count: number;
  can_change: boolean;
}

/**
 * Tasks (alias r, as the visibility predicates expect) matching `where`, each with its list data.
 * `scope` is a task scope: canWrite(task) is the assignee's line and administrators.
 */
export async function selectTasks(db: DbOrTx, scope: RecordScope, where: RawBuilder<SqlBool>, tail: RawBuilder<unknown> = sql``): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`
    SELECT r.id, r.subject, r.status, r.priority, r.due_at, r.remind_at, r.description, r.completed_at, r.created_at,
      r.owner_id, r.created_by, r.related_object, r.related_id, ua.name AS assignee_name, uc.name AS creator_name,
      (SELECT count(*)::int FROM task_comments c WHERE c.tenant_id = r.tenant_id AND c.task_id = r.id) AS comment_count,
      (SELECT count(*)::int FROM record_files f WHERE f.tenant_id = r.tenant_id AND f.object = 'task' AND f.record_id = r.id) AS file_count,
      (${canWrite(scope.object, scope.viewer)} OR r.created_by = ${scope.auth.userId}::uuid) AS can_change
    FROM tasks AS ${sql.ref(R)}
      LEFT JOIN users ua ON ua.tenant_id = r.tenant_id AND ua.id = r.owner_id
      LEFT JOIN users uc ON uc.tenant_id = r.tenant_id AND uc.id = r.created_by
    WHERE r.tenant_id = ${scope.auth.tenantId}::uuid AND ${where}
    ${tail}`.execute(db);
  return rows;
}

export function toTaskItem(row: TaskRow, relatedNames: Map<string, string>): TaskItem {
  const done = row.status === DONE;
  const related = row.related_object && row.related_id
    ? { object: row.related_object, id: row.related_id, name: relatedNames.get(`${row.related_object}:${row.related_id}`) ?? null }
    : null;
  return {
    id: row.id, subject: row.subject, status: row.status, done,
    overdue: !done && row.due_at !== null && row.due_at.getTime() < Date.now(),
    priority: row.priority, dueAt: row.due_at?.toISOString() ?? null, remindAt: row.remind_at?.toISOString() ?? null,
    description: row.description, completedAt: row.completed_at?.toISOString() ?? null, createdAt: row.created_at.toISOString(),
    assignee: row.owner_id ? { id: row.owner_id, name: row.assignee_name ?? '' } : null,
    creator: row.created_by ? { id: row.created_by, name: row.creator_name ?? '' } : null,
    related, commentCount: row.comment_count, fileCount: row.file_count, canChange: row.can_change,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names of the records tasks are on, only for those the caller may read: a task given to someone
 * who cannot see its record shows which kind of record it is, not the record's name.
 */
export async function readableRelatedNames(db: DbOrTx, scope: RecordScope, rows: TaskRow[]): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.related_object && r.related_id && UUID.test(r.related_id)) byObject.set(r.related_object, (byObject.get(r.related_object) ?? new Set()).add(r.related_id));
  }
  const names = new Map<string, string>();
  await Promise.all([...byObject].map(async ([key, ids]) => {
    const parent = TASK_PARENTS.find((o) => o.key === key);
    const column = parent?.fields.find((f) => f.key === parent.nameField)?.column;
    if (!parent || !column) return;
    const object = await loadObject(db, scope.auth.tenantId, key);
    const found = await sql<{ id: string; name: string | null }>`
      SELECT ${sql.ref(`${R}.id`)}::text AS id, ${sql.ref(`${R}.${column}`)}::text AS name FROM ${sql.table(parent.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${[...ids]}::uuid[])
        AND ${canRead(object, scope.viewer)}`.execute(db);
    for (const row of found.rows) names.set(`${key}:${row.id}`, row.name ?? '');
  }));
  return names;
}

export async function toTaskItems(db: DbOrTx, scope: RecordScope, rows: TaskRow[]): Promise<TaskItem[]> {
  const names = await readableRelatedNames(db, scope, rows);
  return rows.map((row) => toTaskItem(row, names));
}

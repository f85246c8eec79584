import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import { DONE, type MyTasksQuery, type TaskStatusFilter } from './task.types';
import { selectTasks, toTaskItems } from './task-rows';

function statusPredicate(status: TaskStatusFilter): RawBuilder<SqlBool> {
  switch (status) {
    case 'open': return sql<SqlBool>`r.status <> ${DONE}`;
    case 'overdue': return sql<SqlBool>`r.status <> ${DONE} AND r.due_at < now()`;
    case 'done': return sql<SqlBool>`r.status = ${DONE}`;
    case 'all': return sql<SqlBool>`true`;
  }
}

/** Open tasks first, soonest due first; then finished ones, latest first. */
const ORDER = sql`ORDER BY (r.status = ${DONE}), r.due_at ASC NULLS LAST, r.completed_at DESC NULLS LAST, r.created_at DESC, r.id`;

/**
 * 任务日程 tab: every task on a record, for whoever may read the record (checked by the caller).
 * `taskScope` is a scope of the task object, for the "may complete" flag.
 */
export async function listRecordTasks(db: DbOrTx, taskScope: RecordScope, objectKey: string, recordId: string, status: TaskStatusFilter) {
  const rows = await selectTasks(db, taskScope,
    sql<SqlBool>`r.related_object = ${objectKey} AND r.related_id = ${recordId} AND ${statusPredicate(status)}`, sql`${ORDER} LIMIT 500`);
  return { items: await toTaskItems(db, taskScope, rows) };
}

/** 我的任务: tasks given to me, and tasks I gave to others, with the count behind each status tab. */
export async function listMyTasks(db: DbOrTx, taskScope: RecordScope, query: MyTasksQuery) {
  const me = taskScope.auth.userId;
  const mine = query.role === 'assigned' ? sql<SqlBool>`r.owner_id = ${me}::uuid`
    : query.role === 'created' ? sql<SqlBool>`r.created_by = ${me}::uuid AND r.owner_id IS DISTINCT FROM ${me}::uuid`
      : sql<SqlBool>`(r.owner_id = ${me}::uuid OR r.created_by = ${me}::uuid)`;
  const offset = (query.page - 1) * query.pageSize;
  const order = query.status === 'done' ? sql`ORDER BY r.completed_at DESC NULLS LAST, r.created_at DESC, r.id` : ORDER;
  const [rows, counts] = await Promise.all([
    selectTasks(db, taskScope, sql<SqlBool>`${mine} AND ${statusPredicate(query.status)}`, sql`${order} LIMIT ${query.pageSize} OFFSET ${offset}`),
    sql<{ open: number; overdue: number; done: number; all: number }>`SELECT
        count(*) FILTER (WHERE r.status <> ${DONE})::int AS open,
        count(*) FILTER (WHERE r.status <> ${DONE} AND r.due_at < now())::int AS overdue,
        count(*) FILTER (WHERE r.status = ${DONE})::int AS done,
        count(*)::int AS all
      FROM tasks r WHERE r.tenant_id = ${taskScope.auth.tenantId}::uuid AND ${mine}`.execute(db),
  ]);
  const c = counts.rows[0]!;
  return { items: await toTaskItems(db, taskScope, rows), total: c[query.status], counts: c };
}

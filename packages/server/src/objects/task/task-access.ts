import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { forbidden, notFound } from '../../platform/http/errors';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { assertUuid } from '../../records/values';
import { canRead } from '../../records/visibility';
import { TASK_PARENTS } from './task.types';
import { selectTasks, type TaskRow } from './task-rows';

/**
 * One task the caller may reach: as its assignee or someone above them (the task's own visibility),
 * as its creator, or as someone who may read the record it is on (the 任务日程 tab shows every task
 * of a record to whoever sees the record). Anyone else gets 404. `change` also requires the right to
 * complete or reopen it (assignee's line, creator, administrators): 403 for those who only see it.
 */
export async function findTask(db: DbOrTx, scope: RecordScope, taskId: string, need: 'see' | 'change' = 'see', lock = false): Promise<TaskRow> {
  assertUuid(taskId);
  const tenantId = scope.auth.tenantId;
  // Where the task hangs is needed to build the predicate; the ids alone tell the caller nothing.
  const ref = await db.selectFrom('tasks').select(['related_object', 'related_id']).where('tenant_id', '=', tenantId).where('id', '=', taskId).executeTakeFirst();
  if (!ref) throw notFound();
  const parent = TASK_PARENTS.find((o) => o.key === ref.related_object);
  let viaRecord = sql<SqlBool>`false`;
  if (parent && ref.related_id && /^[0-9a-f-]{36}$/i.test(ref.related_id)) {
    const object = await loadObject(db, tenantId, parent.key);
    // The inner alias r is the related record: the same predicate as that object's own reads.
    viaRecord = sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(parent.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${ref.related_id}::uuid AND ${canRead(object, scope.viewer)})`;
  }
  const where = sql<SqlBool>`r.id = ${taskId}::uuid
    AND (${canRead(scope.object, scope.viewer)} OR r.created_by = ${scope.auth.userId}::uuid OR ${viaRecord})`;
  const [row] = await selectTasks(db, scope, where, lock ? sql`FOR UPDATE OF r` : sql``);
  if (!row) throw notFound();
  if (need === 'change' && !row.can_change) throw forbidden();
  return row;
}

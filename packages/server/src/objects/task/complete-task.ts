import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { writeAudit } from '../../platform/audit/audit';
import type { Jobs } from '../../platform/jobs/jobs';
import type { RecordScope } from '../../records/scope';
import { markFollowedUp } from '../activity/follow-up';
import { findTask } from './task-access';
import { DONE, REOPENED, TASK_PARENTS } from './task.types';
import { cancelTaskReminder, hasPendingReminder, noticeToTaskPeople, scheduleTaskReminder } from './task-notices';

/**
 * Completes or reopens a task (assignee's line, creator, administrators). Completing cancels its
 * pending reminder and counts as following up its record: §3.7.7 lists finished tasks among a
 * record's 活动记录, so the record (and its account) leaves 7天未跟进. Reopening brings a future
 * reminder back.
 */
export async function setTaskDone(tx: Tx, scope: RecordScope, taskId: string, done: boolean, jobs: Jobs): Promise<void> {
  const { auth } = scope;
  const task = await findTask(tx, scope, taskId, 'change', true);
  if (done === (task.status === DONE)) return;
  const status = done ? DONE : REOPENED;
  const completedAt = done ? new Date() : null;
  await tx.updateTable('tasks')
    .set({ status, completed_at: completedAt, version: sql`version + 1`, updated_by: auth.userId, updated_at: new Date() })
    .where('tenant_id', '=', auth.tenantId).where('id', '=', taskId).execute();
  await writeAudit(tx, {
    tenantId: auth.tenantId, actorId: auth.userId, objectType: 'task', recordId: taskId, action: 'update', requestId: scope.requestId,
    changes: [
      { field: 'status', old: task.status, new: status },
      { field: 'completedAt', old: task.completed_at?.toISOString() ?? null, new: completedAt?.toISOString() ?? null },
    ],
  });

  if (!done) {
    if (task.remind_at && task.remind_at.getTime() > Date.now() && task.owner_id && !(await hasPendingReminder(tx, auth.tenantId, taskId))) {
      await scheduleTaskReminder(tx, jobs, {
        tenantId: auth.tenantId, taskId, subject: task.subject, dueAt: task.due_at, assigneeId: task.owner_id, timeZone: scope.timeZone,
      }, auth.userId, task.remind_at);
    }
    return;
  }
  await cancelTaskReminder(tx, auth.tenantId, taskId);
  await followUpRecord(tx, scope, task.related_object, task.related_id, { id: taskId, subject: task.subject }, completedAt!);
  await noticeToTaskPeople(tx, auth.tenantId, [task.owner_id, task.created_by], auth.userId, 'task.completed', { actor: auth.name, subject: task.subject });
}

/** The finished task's record: 最新活动记录时间 moves on, and its operation log says which task was done. */
async function followUpRecord(tx: Tx, scope: RecordScope, objectKey: string | null, recordId: string | null, task: { id: string; subject: string }, at: Date) {
  const parent = TASK_PARENTS.find((o) => o.key === objectKey);
  if (!parent || !recordId) return;
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(parent.table)}
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${recordId}::uuid`.execute(tx);
  if (!rows[0]) return; // the record was deleted; the task stays in its people's lists
  await markFollowedUp(tx, scope.auth.tenantId, await loadObject(tx, scope.auth.tenantId, parent.key), rows[0], at);
  await writeAudit(tx, {
    tenantId: scope.auth.tenantId, actorId: scope.auth.userId, objectType: parent.key, recordId, action: 'task_done', requestId: scope.requestId,
    changes: [{ field: 'task', old: null, new: task }],
  });
}

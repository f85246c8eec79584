import type { Tx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { writeAudit } from '../../platform/audit/audit';
import type { Jobs } from '../../platform/jobs/jobs';
import { AppError, invalid } from '../../platform/http/errors';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { auditRecord } from '../../records/write-helpers';
import type { NewTask } from './task.types';
import { notifyAssigned, scheduleTaskReminder, type TaskFacts } from './task-notices';
import './messages';

/**
 * 任务日程 (§3.3.7): a task on a record, for oneself or a colleague, by anyone who may read the
 * record. One transaction: the task (owner = assignee), the operation logs of task and record, the
 * assignee's notification and the durable reminder.
 */
export async function createTask(tx: Tx, scope: RecordScope, recordId: string, input: NewTask, jobs: Jobs, appUrl: string): Promise<string> {
  const { auth } = scope;
  const row = await findRow(tx, scope, recordId, 'read');
  const assigneeId = input.assigneeId?.toLowerCase() ?? auth.userId;
  const assignee = await tx.selectFrom('users').select(['id', 'department_id'])
    .where('tenant_id', '=', auth.tenantId).where('id', '=', assigneeId).where('status', '=', 'active').executeTakeFirst();
  if (!assignee) throw new AppError(400, 'bad_assignee', 'task.bad_assignee');

  const taskObject = await loadObject(tx, auth.tenantId, 'task');
  const priorityField = taskObject.field('priority');
  const priority = input.priority ?? (priorityField?.defaultValue as string | undefined) ?? null;
  if (priority !== null && !priorityField?.options?.some((o) => o.value === priority && (o.enabled || priority === priorityField.defaultValue))) {
    throw invalid('task.bad_priority', { priority });
  }
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  const remindAt = input.remindAt ? new Date(input.remindAt) : null;

  const task = await tx.insertInto('tasks')
    .values({
      tenant_id: auth.tenantId, subject: input.subject, due_at: dueAt, remind_at: remindAt, priority,
      description: input.description || null, related_object: scope.object.key, related_id: recordId,
      owner_id: assignee.id, department_id: assignee.department_id, search_text: input.subject,
      created_by: auth.userId, updated_by: auth.userId,
    })
    .returning(['id', 'status']).executeTakeFirstOrThrow();

  const facts: TaskFacts = { tenantId: auth.tenantId, taskId: task.id, subject: input.subject, dueAt, assigneeId: assignee.id, timeZone: scope.timeZone };
  await writeAudit(tx, {
    tenantId: auth.tenantId, actorId: auth.userId, objectType: 'task', recordId: task.id, action: 'create', requestId: scope.requestId,
    changes: [
      { field: 'subject', old: null, new: input.subject }, { field: 'ownerId', old: null, new: assignee.id }, { field: 'status', old: null, new: task.status },
      ...(priority ? [{ field: 'priority', old: null, new: priority }] : []),
      ...(dueAt ? [{ field: 'dueAt', old: null, new: dueAt.toISOString() }] : []),
      ...(remindAt ? [{ field: 'remindAt', old: null, new: remindAt.toISOString() }] : []),
      { field: 'relatedObject', old: null, new: scope.object.key }, { field: 'relatedId', old: null, new: recordId },
    ],
  });
  await auditRecord(tx, scope, recordId, 'task_add', [{ field: 'task', old: null, new: { id: task.id, subject: input.subject, assigneeId: assignee.id } }]);
  if (remindAt) await scheduleTaskReminder(tx, jobs, facts, auth.userId, remindAt);
  if (assignee.id !== auth.userId) {
    const nameColumn = scope.object.field(scope.object.nameField)?.column;
    const name = nameColumn && row[nameColumn] != null ? String(row[nameColumn]) : '';
    await notifyAssigned(tx, facts, auth.name, { label: scope.object.label, name }, appUrl);
  }
  return task.id;
}

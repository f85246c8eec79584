import type { Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { t } from '../../platform/i18n/messages';
import { notify } from '../../platform/notifications/notify';
import { cancelRemindersOf, scheduleReminder } from '../../platform/notifications/reminders';
import './messages';

/** Where a task's notifications lead: 我的任务, which every assignee and creator can open. */
export const TASK_LINK = '/task';
const reminderSource = (taskId: string) => `task:${taskId}`;

/** "2024-05-01 18:00" in the company's time zone (Swedish formatting is ISO-like). */
export const localTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date);

export interface TaskFacts {
  tenantId: string;
  taskId: string;
  subject: string;
  dueAt: Date | null;
  assigneeId: string;
  timeZone: string;
}

async function localeOf(db: DbOrTx, tenantId: string, userId: string): Promise<Locale> {
  const user = await db.selectFrom('users').select('locale').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  return user?.locale ?? 'zh-CN';
}

/**
 * The durable reminder at remindAt: a 待办 notification and, per the assignee's subscription
 * 'task_due', an email. It commits with the task and fires on whichever server runs then.
 */
export async function scheduleTaskReminder(tx: DbOrTx, jobs: Jobs, task: TaskFacts, createdBy: string, remindAt: Date): Promise<void> {
  const locale = await localeOf(tx, task.tenantId, task.assigneeId);
  await scheduleReminder(tx, jobs, {
    tenantId: task.tenantId, userId: task.assigneeId, createdBy, remindAt, emailEvent: 'task_due', source: reminderSource(task.taskId),
    title: t(locale, 'task.reminder', { subject: task.subject }),
    body: task.dueAt ? t(locale, 'task.due_line', { due: localTime(task.dueAt, task.timeZone) }) : '',
    link: TASK_LINK,
  });
}

/** A done (or deleted) task needs no reminder any more. */
export const cancelTaskReminder = (tx: DbOrTx, tenantId: string, taskId: string) => cancelRemindersOf(tx, tenantId, reminderSource(taskId));

/** Whether a reminder of the task is still waiting to fire (so reopening does not schedule a second). */
export async function hasPendingReminder(db: DbOrTx, tenantId: string, taskId: string): Promise<boolean> {
  const row = await db.selectFrom('reminders').select('id').where('tenant_id', '=', tenantId).where('source', '=', reminderSource(taskId))
    .where('fired_at', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
  return !!row;
}

/** Tells the assignee someone gave them a task (待办; email per 'task_assigned'). */
export async function notifyAssigned(tx: DbOrTx, task: TaskFacts, actorName: string, related: { label: { zh: string; en: string }; name: string } | null, appUrl: string) {
  const locale = await localeOf(tx, task.tenantId, task.assigneeId);
  const lines = [
    task.dueAt ? t(locale, 'task.due_line', { due: localTime(task.dueAt, task.timeZone) }) : null,
    related ? t(locale, 'task.related_line', { object: locale === 'en-US' ? related.label.en : related.label.zh, name: related.name }) : null,
  ].filter((l): l is string => l !== null);
  await notify(tx, {
    tenantId: task.tenantId, userIds: [task.assigneeId], kind: 'todo', title: t(locale, 'task.assigned', { actor: actorName, subject: task.subject }),
    body: lines.join('\n'), link: TASK_LINK, emailEvent: 'task_assigned', appUrl,
  });
}

/** A short notice (completion, a comment) to the task's assignee and creator, except the one acting. */
export async function noticeToTaskPeople(
  tx: DbOrTx, tenantId: string, people: (string | null)[], actorId: string, message: 'task.completed' | 'task.commented', params: { actor: string; subject: string }, body = '',
) {
  const userIds = [...new Set(people.filter((p): p is string => !!p && p !== actorId))];
  for (const userId of userIds) {
    const locale = await localeOf(tx, tenantId, userId);
    await notify(tx, { tenantId, userIds: [userId], kind: 'notice', title: t(locale, message, params), body, link: TASK_LINK });
  }
}

import type { EmailEvent } from '@yixiao/core';
import type { Db, DbOrTx } from '../../db/database';
import type { Jobs } from '../jobs/jobs';
import { AppError, invalid, notFound } from '../http/errors';
import { notify } from './notify';
import './messages';

/** The durable job that turns a due reminder into a todo notification. */
export const REMINDER_QUEUE = 'notifications.reminder';
export interface ReminderJob {
  tenantId: string;
  reminderId: string;
}

export interface NewReminder {
  tenantId: string;
  userId: string;
  createdBy: string;
  title: string;
  body?: string;
  link?: string | null;
  remindAt: Date;
  emailEvent?: EmailEvent;
  /** Who scheduled it (e.g. 'task:<id>'), so that module can cancel it with cancelRemindersOf. */
  source?: string;
}

const MAX_AHEAD_MS = 366 * 24 * 3600_000;
// A reminder set for "now" from a slow form still fires (at once) instead of being refused.
const PAST_SLACK_MS = 60_000;

const toDto = (r: { id: string; title: string; body: string; link: string | null; remind_at: Date; created_at: Date }) => ({
  id: r.id, title: r.title, body: r.body, link: r.link, remindAt: r.remind_at.toISOString(), createdAt: r.created_at.toISOString(),
});

/**
 * Schedules a reminder in the caller's transaction: the row and its durable job commit together, and
 * the job fires at remindAt on whichever server process is running then.
 */
export async function scheduleReminder(tx: DbOrTx, jobs: Jobs, input: NewReminder) {
  const now = Date.now();
  if (input.remindAt.getTime() < now - PAST_SLACK_MS) throw invalid('notifications.reminder_in_past');
  if (input.remindAt.getTime() > now + MAX_AHEAD_MS) throw invalid('notifications.reminder_too_far');
  const row = await tx.insertInto('reminders')
    .values({
      tenant_id: input.tenantId, user_id: input.userId, created_by: input.createdBy,
      title: input.title, body: input.body ?? '', link: input.link ?? null, remind_at: input.remindAt,
      email_event: input.emailEvent ?? null, source: input.source ?? null,
    })
    .returning(['id', 'title', 'body', 'link', 'remind_at', 'created_at'])
    .executeTakeFirstOrThrow();
  await jobs.send<ReminderJob>(REMINDER_QUEUE, { tenantId: input.tenantId, reminderId: row.id }, { startAfter: input.remindAt, tx });
  return toDto(row);
}

/** My reminders still to fire, soonest first. */
export async function listPendingReminders(db: Db, tenantId: string, userId: string) {
  const rows = await db.selectFrom('reminders')
    .select(['id', 'title', 'body', 'link', 'remind_at', 'created_at'])
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .where('fired_at', 'is', null).where('cancelled_at', 'is', null)
    .orderBy('remind_at').limit(200)
    .execute();
  return rows.map(toDto);
}

/** Cancels one of my pending reminders; its job finds it cancelled and does nothing. */
export async function cancelReminder(db: DbOrTx, tenantId: string, userId: string, id: string): Promise<void> {
  const row = await db.updateTable('reminders').set({ cancelled_at: new Date() })
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id)
    .where('fired_at', 'is', null).where('cancelled_at', 'is', null)
    .returning('id').executeTakeFirst();
  if (row) return;
  const exists = await db.selectFrom('reminders').select('id')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  throw exists ? new AppError(409, 'reminder_done', 'notifications.reminder_done') : notFound();
}

/** Cancels every pending reminder a module scheduled for one of its records (e.g. a deleted task). */
export async function cancelRemindersOf(db: DbOrTx, tenantId: string, source: string): Promise<void> {
  await db.updateTable('reminders').set({ cancelled_at: new Date() })
    .where('tenant_id', '=', tenantId).where('source', '=', source)
    .where('fired_at', 'is', null).where('cancelled_at', 'is', null)
    .execute();
}

/**
 * The job: marks the reminder fired and notifies in one transaction. A job that runs again (a crash
 * between commit and the queue's bookkeeping) finds it fired and does nothing, so it never notifies twice.
 */
export async function fireReminder(db: Db, job: ReminderJob, appUrl: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const reminder = await tx.updateTable('reminders').set({ fired_at: new Date() })
      .where('tenant_id', '=', job.tenantId).where('id', '=', job.reminderId)
      .where('fired_at', 'is', null).where('cancelled_at', 'is', null)
      .returningAll().executeTakeFirst();
    if (!reminder) return;
    await notify(tx, {
      tenantId: reminder.tenant_id, userIds: [reminder.user_id], kind: 'todo',
      title: reminder.title, body: reminder.body, link: reminder.link,
      emailEvent: (reminder.email_event as EmailEvent | null) ?? undefined, appUrl,
    });
  });
}

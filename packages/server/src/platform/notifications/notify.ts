import type { EmailEvent, NotificationKind } from '@yixiao/core';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { publishToUsers, type RealtimeDelivery } from '../realtime/publish';
import { enqueueEmailCopy, mailsFor, type Recipient } from './email-copy';
import { countUnreadOf } from './unread';

export interface NotifyInput {
  tenantId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body?: string;
  /** An in-app path such as /announcements/<id>; the bell follows it. */
  link?: string | null;
  /** Also mail each recipient who verified an email and subscribed to this event (订阅设置). */
  emailEvent?: EmailEvent;
  /** The app's public address, to make the email's link absolute; without it the mail has no link. */
  appUrl?: string;
}

/**
 * Notifies users in the caller's transaction: one row each in the notification centre, a live push
 * of the notification and the new unread count to their open tabs, and an email copy per their
 * subscription. All of it happens on commit and none of it on rollback. Disabled users are skipped.
 */
export async function notify(db: DbOrTx, input: NotifyInput): Promise<{ count: number }> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { count: 0 };
  const recipients: Recipient[] = await db
    .selectFrom('users')
    .select(['id', 'email', 'email_verified_at', 'email_subscriptions', 'locale'])
    .where('tenant_id', '=', input.tenantId)
    .where(sql<boolean>`id = any(${userIds}::uuid[])`)
    .where('status', '=', 'active')
    .execute();
  if (recipients.length === 0) return { count: 0 };

  const body = input.body ?? '';
  const link = input.link ?? null;
  const inserted = await sql<{ id: string; user_id: string; created_at: Date }>`
    INSERT INTO notifications (tenant_id, user_id, kind, title, body, link)
    SELECT ${input.tenantId}::uuid, r, ${input.kind}, ${input.title}, ${body}, ${link}
    FROM unnest(${recipients.map((r) => r.id)}::uuid[]) AS r
    RETURNING id, user_id, created_at
  `.execute(db);

  const unread = await countUnreadOf(db, input.tenantId, recipients.map((r) => r.id));
  const deliveries: RealtimeDelivery[] = inserted.rows.flatMap((row) => [
    {
      tenantId: input.tenantId, userId: row.user_id,
      message: { type: 'notification', notification: { id: row.id, kind: input.kind, title: input.title, body, link, createdAt: row.created_at.toISOString() } },
    },
    { tenantId: input.tenantId, userId: row.user_id, message: { type: 'unread', count: unread.get(row.user_id) ?? 0 } },
  ]);
  await publishToUsers(db, deliveries);

  if (input.emailEvent) {
    const event = input.emailEvent;
    const byUser = new Map(inserted.rows.map((row) => [row.user_id, row.id]));
    for (const recipient of recipients.filter((r) => mailsFor(r, event))) {
      const notificationId = byUser.get(recipient.id)!;
      await enqueueEmailCopy(db, input.tenantId, recipient, { notificationId, title: input.title, body, link }, input.appUrl);
    }
  }
  return { count: inserted.rows.length };
}

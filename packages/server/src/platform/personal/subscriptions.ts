import { EMAIL_EVENTS, wantsEmail, type EmailEvent } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import { updateMyUser, type Actor } from './my-user';

/** §2.2 订阅设置: the user's choice per event, the defaults (EMAIL_EVENT_DEFAULTS) where they never chose. */
export function subscriptionsOf(stored: Record<string, boolean>): Record<EmailEvent, boolean> {
  return Object.fromEntries(EMAIL_EVENTS.map((event) => [event, wantsEmail(stored, event)])) as Record<EmailEvent, boolean>;
}

export async function getSubscriptions(db: DbOrTx, tenantId: string, userId: string) {
  const row = await db.selectFrom('users').select(['email_subscriptions', 'email', 'email_verified_at'])
    .where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  return { subscriptions: subscriptionsOf(row.email_subscriptions), verifiedEmail: row.email_verified_at ? row.email : null };
}

/** Stores every event explicitly, so a later change of defaults never overrides a choice the user saw. */
export async function saveSubscriptions(tx: Tx, actor: Actor, subscriptions: Record<EmailEvent, boolean>) {
  await updateMyUser(tx, actor, { email_subscriptions: subscriptionsOf(subscriptions) }, 'update_subscriptions');
  return getSubscriptions(tx, actor.tenantId, actor.userId);
}

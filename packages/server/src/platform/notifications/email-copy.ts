import { wantsEmail, type EmailEvent, type Locale } from '@yixiao/core';
import { t } from '../i18n/messages';
import type { DbOrTx } from '../../db/database';
import { enqueueMail } from '../mail/outbox';
import './messages';

export interface Recipient {
  id: string;
  email: string | null;
  email_verified_at: Date | null;
  email_subscriptions: Record<string, boolean>;
  locale: Locale;
}

export interface NotificationCopy {
  notificationId: string;
  title: string;
  body: string;
  link: string | null;
}

/** Only a verified address gets mail: an unverified one may not even be the user's. */
export const mailsFor = (recipient: Recipient, event: EmailEvent) =>
  !!recipient.email && !!recipient.email_verified_at && wantsEmail(recipient.email_subscriptions, event);

/** Queues the email copy of one notification, in the recipient's language, in the caller's transaction. */
export async function enqueueEmailCopy(db: DbOrTx, tenantId: string, recipient: Recipient, copy: NotificationCopy, appUrl: string | undefined) {
  const locale = recipient.locale;
  const lines = [copy.title, '', copy.body];
  if (copy.link && appUrl) lines.push('', t(locale, 'notifications.mail.open', { url: new URL(copy.link, appUrl).toString() }));
  lines.push('', '—', t(locale, 'notifications.mail.footer'));
  await enqueueMail(db, {
    tenantId,
    to: recipient.email!,
    subject: t(locale, 'notifications.mail.subject', { title: copy.title }),
    text: lines.join('\n'),
    dedupeKey: `notification:${copy.notificationId}`,
  });
}

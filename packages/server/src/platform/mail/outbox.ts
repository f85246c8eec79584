import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';

export interface OutgoingMail {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Same key, same mail: a retried request never mails twice. */
  dedupeKey?: string;
}

export const MAIL_CHANNEL = 'yixiao_mail_outbox';

/**
 * Queues a mail in the transaction of the change that causes it: it is sent after commit by the
 * outbox worker, and never if the transaction rolls back.
 */
export async function enqueueMail(db: DbOrTx, mail: OutgoingMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      tenant_id: mail.tenantId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      dedupe_key: mail.dedupeKey ?? null,
      last_error: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .execute();
  await wakeMailWorker(db);
}

/** Wakes the outbox workers of every server process; in a transaction, delivered at commit. */
export async function wakeMailWorker(db: DbOrTx): Promise<void> {
  await sql`SELECT pg_notify(${MAIL_CHANNEL}, '')`.execute(db);
}

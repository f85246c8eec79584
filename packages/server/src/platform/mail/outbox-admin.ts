import type { DbOrTx } from '../../db/database';
import { AppError, notFound } from '../http/errors';
import { wakeMailWorker } from './outbox';
import './messages';

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const COLUMNS = ['id', 'to_address', 'subject', 'status', 'attempts', 'last_error', 'next_attempt_at', 'created_at', 'sent_at'] as const;

/** The administrators' view of a mail: never its body, which may hold a verification link. */
function toView(row: { id: string; to_address: string; subject: string; status: MailStatus; attempts: number; last_error: string | null; next_attempt_at: Date; created_at: Date; sent_at: Date | null }) {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
export type OutboxMail = ReturnType<typeof toView>;

export async function listOutbox(db: DbOrTx, tenantId: string, query: { status?: MailStatus; page: number; pageSize: number }) {
  let base = db.selectFrom('mail_outbox').where('tenant_id', '=', tenantId);
  if (query.status) base = base.where('status', '=', query.status);
  const [rows, count] = await Promise.all([
    base.select(COLUMNS).orderBy('created_at', 'desc').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toView), total: Number(count.n), totalCapped: false };
}

export async function outboxCounts(db: DbOrTx, tenantId: string): Promise<Record<MailStatus, number>> {
  const rows = await db.selectFrom('mail_outbox').select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId).groupBy('status').execute();
  const counts: Record<MailStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Puts a mail that failed for good back in the queue for a fresh round of attempts. */
export async function retryMail(tx: DbOrTx, tenantId: string, mailId: string): Promise<OutboxMail> {
  const mail = await tx.selectFrom('mail_outbox').select(['status']).where('tenant_id', '=', tenantId).where('id', '=', mailId)
    .forUpdate().executeTakeFirst();
  if (!mail) throw notFound();
  if (mail.status === 'sent') throw new AppError(409, 'mail_already_sent', 'mail.already_sent');
  const row = await tx.updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', '=', mailId)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await wakeMailWorker(tx);
  return toView(row);
}

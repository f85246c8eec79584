import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import pg from 'pg';
import type { SmtpConfig } from '../../config';
import type { Db } from '../../db/database';
import { MAIL_CHANNEL } from './outbox';

export const MAX_ATTEMPTS = 8;
/** How long a claimed mail is reserved for its worker; a worker that dies mid-send frees it after this. */
const LEASE_SECONDS = 300;

/** Seconds before the next try after `attempts` failures: 30 s, 1 min, 2 min … at most 6 h. */
export const retryDelaySeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);

export interface MailWorkerOptions {
  db: Db;
  /** For the LISTEN connection, which must stay outside the pool. */
  databaseUrl: string;
  smtp: SmtpConfig;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** The poll that catches what a missed notification or a retry time leaves due. */
  pollIntervalMs?: number;
  batchSize?: number;
}

interface ClaimedMail {
  tenant_id: string;
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: number;
}

/**
 * Sends the mail outbox over SMTP. Any number of workers (server processes) may run on one
 * database: a mail is claimed with FOR UPDATE SKIP LOCKED and leased before it is sent, so two
 * workers never send the same mail. It wakes on NOTIFY from enqueueMail and polls for retries.
 */
export class MailWorker {
  private readonly transport: Transporter;
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  /** Mails this worker handed to the SMTP server since it started. */
  sentCount = 0;

  constructor(private readonly options: MailWorkerOptions) {
    const { smtp } = options;
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      // Well inside the lease, so a hung server never lets a second worker send the same mail.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async start(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 15_000);
    this.timer.unref();
    await this.listen();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.draining;
    this.transport.close();
  }

  /** Sends every mail that is due now; answers how many were tried. For tests and start-up. */
  async runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const batch = await this.claimDue();
      if (batch.length === 0 || this.stopped) return tried;
      for (const mail of batch) await this.deliver(mail);
      tried += batch.length;
    }
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.wakeAgain = false;
        try {
          await this.runOnce();
        } catch (error) {
          this.options.log.error({ err: error }, 'mail worker: draining the outbox failed');
        }
      } while (this.wakeAgain && !this.stopped);
    })().finally(() => {
      this.draining = null;
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.log.warn({ err: error }, 'mail worker: LISTEN connection lost; reconnecting');
      if (this.listener === client) this.listener = null;
      client.end().catch(() => {});
      setTimeout(() => void this.listen().catch(() => {}), 5_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${MAIL_CHANNEL}`);
      if (this.stopped) await client.end();
      else this.listener = client;
    } catch (error) {
      // The poll keeps mail moving meanwhile.
      this.options.log.warn({ err: error }, 'mail worker: cannot LISTEN; polling only until reconnected');
      client.end().catch(() => {});
      setTimeout(() => void this.listen().catch(() => {}), 5_000).unref();
    }
  }

  /**
   * Leases the next due mails across all companies: the one query that reads the outbox without a
   * tenant filter, because the worker serves every tenant. Counting the attempt here means a
   * crash mid-send still counts towards MAX_ATTEMPTS.
   */
  private async claimDue(): Promise<ClaimedMail[]> {
    const { rows } = await sql<ClaimedMail>`
      UPDATE mail_outbox m
         SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
        FROM (SELECT tenant_id, id FROM mail_outbox
               WHERE status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT ${this.options.batchSize ?? 10}
               FOR UPDATE SKIP LOCKED) due
       WHERE m.tenant_id = due.tenant_id AND m.id = due.id
   RETURNING m.tenant_id, m.id, m.to_address, m.subject, m.text_body, m.html_body, m.attempts`.execute(this.options.db);
    return rows;
  }

  private async deliver(mail: ClaimedMail): Promise<void> {
    const { db, smtp, log } = this.options;
    try {
      await this.transport.sendMail({
        from: smtp.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
        // Stable per outbox row: should a crash make us send twice, mail clients see one message.
        messageId: `<${mail.id}@outbox.yixiao>`,
      });
      this.sentCount++;
      await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: new Date(), last_error: null })
        .where('tenant_id', '=', mail.tenant_id).where('id', '=', mail.id).execute();
    } catch (error) {
      const failed = mail.attempts >= MAX_ATTEMPTS;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      log.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, failed ? 'mail failed for good' : 'mail not sent; will retry');
      await db.updateTable('mail_outbox')
        .set({
          status: failed ? 'failed' : 'pending',
          last_error: message,
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})`,
        })
        .where('tenant_id', '=', mail.tenant_id).where('id', '=', mail.id)
        .execute();
    }
  }
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freePort } from '../src/db/embedded';
import { enqueueMail } from '../src/platform/mail/outbox';
import { MAX_ATTEMPTS, MailWorker } from '../src/platform/mail/worker';
import { createCompany, signIn, startTestApp, type TestApp } from './support/app';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server';

const quiet = { info() {}, warn() {}, error() {} };

describe('mail outbox', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startTestApp(); // no SMTP configured: the app starts no worker, the tests run their own
    smtp = await startSmtpServer();
    company = await createCompany(t);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const worker = (smtpConfig: TestSmtpServer['config'], pollIntervalMs?: number) =>
    new MailWorker({ db: t.database.db, databaseUrl: t.database.url, smtp: smtpConfig, log: quiet, pollIntervalMs, batchSize: 3 });
  const queue = (to: string, subject: string) =>
    t.database.db.transaction().execute((tx) => enqueueMail(tx, { tenantId: company.tenantId, to, subject, text: `正文 ${subject}` }));
  const rowOf = (subject: string) =>
    t.database.db.selectFrom('mail_outbox').selectAll().where('tenant_id', '=', company.tenantId).where('subject', '=', subject).executeTakeFirstOrThrow();
  const makeDue = (subject: string) =>
    sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE tenant_id = ${company.tenantId} AND subject = ${subject}`.execute(t.database.db);

  it('keeps a mail pending with its attempts counted while SMTP is down, and fails it after the last attempt', async () => {
    const down = worker({ ...smtp.config, port: await freePort() }); // nothing listens there
    await queue('down@example.com', '服务器不可用');
    assert.equal(await down.runOnce(), 1);
    const first = await rowOf('服务器不可用');
    assert.equal(first.status, 'pending');
    assert.equal(first.attempts, 1);
    assert.ok(first.last_error);
    assert.ok(first.next_attempt_at.getTime() > Date.now() + 20_000, 'backs off before the next try');
    assert.equal(await down.runOnce(), 0, 'not due again yet');

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue('服务器不可用');
      await down.runOnce();
    }
    const last = await rowOf('服务器不可用');
    assert.equal(last.attempts, MAX_ATTEMPTS);
    assert.equal(last.status, 'failed');
    await down.stop();
  });

  it('lets administrators list the outbox by status and retry a failed mail; others may not', async () => {
    const admin = await signIn(t, company.logins.admin);
    const rep = await signIn(t, company.logins.rep);
    assert.equal((await rep.get('/api/v1/mail/outbox')).statusCode, 403);

    const failed = await admin.get('/api/v1/mail/outbox?status=failed');
    assert.equal(failed.statusCode, 200, failed.body);
    assert.equal(failed.json().total, 1);
    const mail = failed.json().items[0];
    assert.equal(mail.subject, '服务器不可用');
    assert.ok(mail.lastError);
    assert.equal('text' in mail || 'textBody' in mail, false, 'bodies (verification links) stay hidden');
    const summary = (await admin.get('/api/v1/mail/outbox/summary')).json();
    assert.equal(summary.smtpConfigured, false);
    assert.equal(summary.counts.failed, 1);

    assert.equal((await rep.post(`/api/v1/mail/outbox/${mail.id}/retry`)).statusCode, 403);
    const retried = await admin.post(`/api/v1/mail/outbox/${mail.id}/retry`);
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().status, 'pending');
    assert.equal(retried.json().attempts, 0);

    const up = worker(smtp.config);
    await up.runOnce();
    await up.stop();
    assert.equal((await rowOf('服务器不可用')).status, 'sent');
    assert.equal((await admin.post(`/api/v1/mail/outbox/${mail.id}/retry`)).statusCode, 409, 'a sent mail is not sent again');

    const other = await createCompany(t);
    const outsider = await signIn(t, other.logins.admin);
    assert.equal((await outsider.get('/api/v1/mail/outbox')).json().total, 0, 'each company sees its own mail');
    assert.equal((await outsider.post(`/api/v1/mail/outbox/${mail.id}/retry`)).statusCode, 404);
  });

  it('delivers every mail exactly once with two workers running', async (test) => {
    const a = worker(smtp.config, 100);
    const b = worker(smtp.config, 100);
    await Promise.all([a.start(), b.start()]);
    const subjects = Array.from({ length: 24 }, (_, i) => `并发 ${i}`);
    // Queued in small transactions while both run: each commit's NOTIFY wakes both workers at once.
    for (let i = 0; i < subjects.length; i += 4) {
      await t.database.db.transaction().execute(async (tx) => {
        for (const subject of subjects.slice(i, i + 4)) await enqueueMail(tx, { tenantId: company.tenantId, to: 'many@example.com', subject, text: subject });
      });
    }
    const delivered = () => smtp.received.filter((m) => m.subject.startsWith('并发 '));
    await smtp.waitFor(() => delivered().length >= subjects.length);
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
    await Promise.all([a.stop(), b.stop()]);

    test.diagnostic(`worker A sent ${a.sentCount}, worker B sent ${b.sentCount}`);
    assert.equal(a.sentCount + b.sentCount, subjects.length);
    assert.equal(delivered().length, subjects.length);
    assert.deepEqual(delivered().map((m) => m.subject).sort(), [...subjects].sort());
    assert.equal(new Set(delivered().map((m) => m.messageId)).size, subjects.length);
    const rows = await t.database.db.selectFrom('mail_outbox').select(['status', 'attempts'])
      .where('tenant_id', '=', company.tenantId).where('subject', 'like', '并发 %').execute();
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
  });

  it('never sends a mail queued in a transaction that rolls back', async () => {
    await t.database.db.transaction().execute(async (tx) => {
      await enqueueMail(tx, { tenantId: company.tenantId, to: 'never@example.com', subject: '回滚', text: '…' });
      throw new Error('rollback');
    }).catch(() => {});
    const count = await t.database.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', company.tenantId).where('subject', '=', '回滚').executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });
});

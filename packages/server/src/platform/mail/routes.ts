import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit';
import { requireAuth } from '../http/auth-hook';
import { listOutbox, MAIL_STATUSES, outboxCounts, retryMail } from './outbox-admin';
import { MailWorker } from './worker';
import { errorBody } from '../http/errors';

const mailSchema = z.object({
  id: z.string().uuid(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('When a pending mail is tried next'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/**
 * The mail outbox: its worker (started only when SMTP is configured; otherwise mail waits,
 * visible here) and the administrators' list and retry (系统设置 → 邮件队列).
 */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.services;
  const { db } = database;

  if (config.smtp) {
    const worker = new MailWorker({ db, databaseUrl: database.url, smtp: config.smtp, log: app.log });
    app.addHook('onReady', () => worker.start());
    app.addHook('onClose', () => worker.stop());
  }

  app.get('/api/v1/mail/outbox', {
    config: { auth: 'mail.admin' },
    schema: {
      tags: ['mail'], summary: 'List outgoing mail, newest first',
      querystring: z.object({
        status: z.enum(MAIL_STATUSES).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(mailSchema), total: z.number().int(), totalCapped: z.boolean() }) },
    },
  }, async (request) => listOutbox(db, requireAuth(request).tenantId, request.query));

  app.get('/api/v1/mail/outbox/summary', {
    config: { auth: 'mail.admin' },
    schema: {
      tags: ['mail'], summary: 'Whether SMTP is configured, and how many mails are in each state',
      response: { 200: z.object({ smtpConfigured: z.boolean(), counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }) }) },
    },
  }, async (request) => ({ smtpConfigured: config.smtp !== null, counts: await outboxCounts(db, requireAuth(request).tenantId) }));

  app.post('/api/v1/mail/outbox/:id/retry', {
    config: { auth: 'mail.admin' },
    schema: {
      tags: ['mail'], summary: 'Queue a failed mail again for a fresh round of attempts',
      params: z.object({ id: z.string().uuid() }),
      response: { 200: mailSchema, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    return db.transaction().execute(async (tx) => {
      const mail = await retryMail(tx, auth.tenantId, request.params.id);
      await writeAudit(tx, { tenantId: auth.tenantId, actorId: auth.userId, objectType: 'mail', recordId: mail.id, action: 'retry', requestId: request.id });
      return mail;
    });
  });
};

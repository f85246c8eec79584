import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { announcementRoutes } from './announcement-routes';
import { listNotifications, markAllRead, markRead } from './inbox';
import { cancelReminder, fireReminder, listPendingReminders, REMINDER_QUEUE, scheduleReminder, type ReminderJob } from './reminders';
import { errorBody, idParams, inboxPage, inboxQuery, newReminder, reminderSchema, unreadBody } from './schemas';
import { countUnread } from './unread';
import { NOTIFICATION_KINDS } from '@yixiao/core';

/** Routes for the notification centre (mine only), reminders to myself and department announcements. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const { db } = database;
  const tags = ['notifications'];

  // Reminders may wait for hours: a job retried after a failure still fires, later rather than never.
  app.jobs.work<ReminderJob>(REMINDER_QUEUE, (job) => fireReminder(db, job, config.publicUrl), {
    retryLimit: 10, retryDelay: 10, retryBackoff: true, expireInSeconds: 60,
  });

  app.get('/api/v1/notifications', {
    config: { auth: 'user' },
    schema: { tags, summary: 'My notifications, newest first (filter by kind or unread)', querystring: inboxQuery, response: { 200: inboxPage } },
  }, async (request) => listNotifications(db, requireAuth(request), request.query));

  app.get('/api/v1/notifications/unread-count', {
    config: { auth: 'user' },
    schema: { tags, summary: 'How many of my notifications are unread', response: { 200: unreadBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    return { unread: await countUnread(db, auth.tenantId, auth.userId) };
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: unreadBody, 404: errorBody } },
  }, async (request) => ({ unread: await markRead(db, requireAuth(request), request.params.id) }));

  app.post('/api/v1/notifications/read-all', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Mark all my notifications read, or all of one kind',
      body: z.object({ kind: z.enum(NOTIFICATION_KINDS).optional() }).default({}),
      response: { 200: unreadBody },
    },
  }, async (request) => ({ unread: await markAllRead(db, requireAuth(request), request.body.kind) }));

  app.post('/api/v1/notifications/reminders', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Remind me at a time: a todo notification (and an email when subscribed to task_due)',
      body: newReminder, response: { 201: reminderSchema, 400: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const input = request.body;
    const reminder = await db.transaction().execute((tx) => scheduleReminder(tx, app.jobs, {
      tenantId: auth.tenantId, userId: auth.userId, createdBy: auth.userId, title: input.title, body: input.body,
      link: input.link, remindAt: new Date(input.remindAt), emailEvent: 'task_due',
    }));
    return reply.status(201).send(reminder);
  });

  app.get('/api/v1/notifications/reminders', {
    config: { auth: 'user' },
    schema: { tags, summary: 'My reminders still to fire', response: { 200: z.object({ items: z.array(reminderSchema) }) } },
  }, async (request) => {
    const auth = requireAuth(request);
    return { items: await listPendingReminders(db, auth.tenantId, auth.userId) };
  });

  app.delete('/api/v1/notifications/reminders/:id', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Cancel one of my pending reminders', params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    await cancelReminder(db, auth.tenantId, auth.userId, request.params.id);
    return reply.status(204).send(null);
  });

  await app.register(announcementRoutes);
};

import { FEEDBACK_CATEGORIES } from '@yixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { listFeedback, listMyFeedback, replyToFeedback, submitFeedback } from './feedback';
import { errorBody } from '../http/errors';

const feedbackSchema = z.object({
  id: z.uuid(),
  category: z.enum(FEEDBACK_CATEGORIES),
  content: z.string(),
  status: z.enum(['open', 'replied']),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedByName: z.string().nullable(),
  authorId: z.uuid(),
  authorName: z.string(),
  createdAt: z.string(),
});

/** Routes for 帮助 → 意见反馈: anyone sends feedback and reads the answers; feedback readers answer. */
export const helpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const tags = ['help'];

  app.post('/api/v1/feedback', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Send feedback (bug, suggestion or question) to the administrators',
      body: z.object({ category: z.enum(FEEDBACK_CATEGORIES), content: z.string().trim().min(1).max(5000) }),
      response: { 201: feedbackSchema, 400: errorBody },
    },
  }, async (request, reply) => reply.status(201).send(await submitFeedback(db, requireAuth(request), request.body)));

  app.get('/api/v1/feedback/mine', {
    config: { auth: 'user' },
    schema: { tags, summary: 'My feedback with the answers, newest first', response: { 200: z.object({ items: z.array(feedbackSchema) }) } },
  }, async (request) => ({ items: await listMyFeedback(db, requireAuth(request)) }));

  app.get('/api/v1/feedback', {
    config: { auth: 'feedback.read' },
    schema: {
      tags, summary: 'All feedback of the company, newest first',
      querystring: z.object({
        status: z.enum(['open', 'replied']).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(feedbackSchema), total: z.number().int() }) },
    },
  }, async (request) => listFeedback(db, requireAuth(request), request.query));

  app.post('/api/v1/feedback/:id/reply', {
    config: { auth: 'feedback.read' },
    schema: {
      tags, summary: 'Answer a piece of feedback; its author is notified',
      params: z.object({ id: z.uuid() }),
      body: z.object({ reply: z.string().trim().min(1).max(5000) }),
      response: { 200: feedbackSchema, 404: errorBody },
    },
  }, async (request) => replyToFeedback(db, requireAuth(request), request.params.id, request.body.reply, request.id));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { openScope } from '../../records/scope';
import { addComment, listComments } from './comments';
import { setTaskDone } from './complete-task';
import { listMyTasks } from './list-tasks';
import { recordTaskRoutes } from './record-task-routes';
import { findTask } from './task-access';
import { taskFileRoutes } from './task-file-routes';
import { toTaskItems } from './task-rows';
import { commentSchema, errorBody, myTasksQuery, newCommentSchema, taskItemSchema } from './task.types';

const tags = ['task'];
const params = z.object({ id: z.string() });

/** 任务日程: tasks on records, 我的任务, completing and reopening, comments and attachments. */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  await app.register(recordTaskRoutes);
  await app.register(taskFileRoutes);
  const taskScope = (request: Parameters<typeof requireAuth>[0], dbx = db) => openScope(dbx, requireAuth(request), 'task', request.id);

  app.get('/api/v1/me/tasks', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '我的任务: tasks given to me and tasks I gave to others, by status (open, overdue, done, all), with counts per status',
      querystring: myTasksQuery,
      response: {
        200: z.object({
          items: z.array(taskItemSchema), total: z.number().int(),
          counts: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int(), all: z.number().int() }),
        }),
      },
    },
  }, async (request) => listMyTasks(db, await taskScope(request), request.query));

  for (const [action, done] of [['complete', true], ['reopen', false]] as const) {
    app.post(`/api/v1/task/:id/${action}`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: done ? 'Complete a task (assignee, creator, their superiors): cancels its reminder and counts as following up its record' : 'Reopen a finished task',
        params, response: { 200: taskItemSchema, 403: errorBody, 404: errorBody },
      },
    }, async (request) => {
      await db.transaction().execute(async (tx) => setTaskDone(tx, await taskScope(request, tx), request.params.id, done, app.jobs));
      const scope = await taskScope(request);
      const [item] = await toTaskItems(db, scope, [await findTask(db, scope, request.params.id)]);
      return item!;
    });
  }

  app.get('/api/v1/task/:id/comments', {
    config: { auth: 'user' },
    schema: { tags, summary: 'A task\'s comments, oldest first', params, response: { 200: z.object({ items: z.array(commentSchema) }), 404: errorBody } },
  }, async (request) => {
    const scope = await taskScope(request);
    await findTask(db, scope, request.params.id);
    return { items: await listComments(db, scope.auth.tenantId, request.params.id) };
  });

  app.post('/api/v1/task/:id/comments', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Comment on a task (anyone who can see it); its assignee and creator are told', params, body: newCommentSchema, response: { 201: commentSchema, 400: errorBody, 404: errorBody } },
  }, async (request, reply) => {
    const comment = await db.transaction().execute(async (tx) => addComment(tx, await taskScope(request, tx), request.params.id, request.body.content));
    return reply.status(201).send(comment);
  });
};

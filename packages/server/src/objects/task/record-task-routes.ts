import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { findRow } from '../../records/read';
import { openScope } from '../../records/scope';
import { createTask } from './create-task';
import { listRecordTasks } from './list-tasks';
import { findTask } from './task-access';
import { toTaskItems } from './task-rows';
import { errorBody, newTaskSchema, recordTasksQuery, TASK_PARENTS, taskItemSchema } from './task.types';

/** 任务日程 tab (§3.3.7): the tasks on a record, and new ones for oneself or a colleague. */
export const recordTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const { db } = database;

  for (const object of TASK_PARENTS) {
    const base = `/api/v1/${object.key}/:id/tasks`;
    const tags = [object.key];
    const params = z.object({ id: z.string() });

    app.get(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: '任务日程: the tasks on a record (open first, soonest due first), for anyone who may read the record',
        params, querystring: recordTasksQuery, response: { 200: z.object({ items: z.array(taskItemSchema) }), 404: errorBody },
      },
    }, async (request) => {
      const auth = requireAuth(request);
      await findRow(db, await openScope(db, auth, object.key), request.params.id);
      return listRecordTasks(db, await openScope(db, auth, 'task'), object.key, request.params.id, request.query.status);
    });

    app.post(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: '创建任务: a task on the record for myself or an active colleague (who is notified); a reminder fires at remindAt',
        params, body: newTaskSchema, response: { 201: taskItemSchema, 400: errorBody, 404: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      const id = await db.transaction().execute(async (tx) =>
        createTask(tx, await openScope(tx, auth, object.key, request.id), request.params.id, request.body, app.jobs, config.publicUrl));
      const taskScope = await openScope(db, auth, 'task');
      const [item] = await toTaskItems(db, taskScope, [await findTask(db, taskScope, id)]);
      return reply.status(201).send(item!);
    });
  }
};

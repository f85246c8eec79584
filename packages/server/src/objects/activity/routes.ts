import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../../platform/files/read-upload';
import { requireAuth } from '../../platform/http/auth-hook';
import { findRow } from '../../records/read';
import { storePendingAttachment } from '../../records/record-files';
import { openScope } from '../../records/scope';
import { errorBody, FEED_OBJECTS, feedPageSchema, feedQuerySchema, activityItemSchema, newActivitySchema, pendingAttachmentSchema } from './activity.types';
import { listActivities } from './list-activities';
import { postActivity } from './post-activity';

/** 动态 (§3.3.7, §3.5.9): the activity feed of every owned business record. */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const { db } = database;
  await app.register(multipart, { limits: { files: 1 } }); // the size limit is the purpose's, set where the file is read

  for (const object of FEED_OBJECTS) {
    const base = `/api/v1/${object.key}/:id/activities`;
    const tags = [object.key];
    const params = z.object({ id: z.string() });

    app.get(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `动态: activities on a ${object.label.en}, newest first${object.key === 'account' ? ' (with those of its contacts, opportunities, contracts and orders the caller may read)' : ''}`,
        params, querystring: feedQuerySchema, response: { 200: feedPageSchema, 404: errorBody },
      },
    }, async (request) => {
      const scope = await openScope(db, requireAuth(request), object.key);
      await findRow(db, scope, request.params.id);
      return listActivities(db, scope, request.params.id, request.query);
    });

    app.post(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: '发布动态: post an activity (anyone who may read the record); updates 最新活动记录时间 and notifies @mentioned colleagues',
        params, body: newActivitySchema, response: { 201: activityItemSchema, 400: errorBody, 404: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      const id = await db.transaction().execute(async (tx) =>
        postActivity(tx, await openScope(tx, auth, object.key, request.id), request.params.id, request.body, config.publicUrl));
      const { items } = await listActivities(db, await openScope(db, auth, object.key), request.params.id, { page: 1, pageSize: 1 }, id);
      return reply.status(201).send(items[0]!);
    });

    app.post(`${base}/attachments`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: 'Upload a picture or document for an activity being written (multipart field "file"; at most 20 MB); send its id in "attachments"',
        consumes: ['multipart/form-data'], params, response: { 201: pendingAttachmentSchema, 400: errorBody, 404: errorBody, 413: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      await findRow(db, await openScope(db, auth, object.key), request.params.id);
      const upload = await readUpload(request, 'attachment');
      const stored = await db.transaction().execute((tx) => storePendingAttachment(tx, auth.tenantId, auth.userId, upload));
      return reply.status(201).send(stored);
    });
  }
};

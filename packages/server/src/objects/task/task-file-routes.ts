import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit';
import { readUpload } from '../../platform/files/read-upload';
import { requireAuth } from '../../platform/http/auth-hook';
import { AppError, forbidden } from '../../platform/http/errors';
import { findRecordFile, listRecordFiles, recordFileSchema, removeRecordFile, uploadRecordFile } from '../../records/record-files';
import { openScope } from '../../records/scope';
import { findTask } from './task-access';
import { errorBody } from './task.types';

const tags = ['task'];
const params = z.object({ id: z.string() });

/**
 * A task's attachments (§3.3.7), at the same paths and in the same shape as every record's 文档,
 * but reachable by whoever can see the task: its assignee's line, its creator, readers of its record.
 */
export const taskFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  await app.register(multipart, { limits: { files: 1 } });
  const ref = (tenantId: string, recordId: string) => ({ tenantId, object: 'task', recordId });

  app.get('/api/v1/task/:id/files', {
    config: { auth: 'user' },
    schema: { tags, summary: 'A task\'s attachments, newest first', params, response: { 200: z.object({ items: z.array(recordFileSchema) }), 404: errorBody } },
  }, async (request) => {
    const scope = await openScope(db, requireAuth(request), 'task');
    await findTask(db, scope, request.params.id);
    return { items: await listRecordFiles(db, ref(scope.auth.tenantId, request.params.id)) };
  });

  app.post('/api/v1/task/:id/files', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Attach a file to a task (multipart field "file"; at most 20 MB), by anyone who can see the task',
      consumes: ['multipart/form-data'], params, response: { 201: recordFileSchema, 400: errorBody, 404: errorBody, 413: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    await findTask(db, await openScope(db, auth, 'task'), request.params.id);
    const upload = await readUpload(request, 'attachment');
    const file = await db.transaction().execute(async (tx) => {
      const scope = await openScope(tx, auth, 'task', request.id);
      await findTask(tx, scope, request.params.id, 'see', true);
      const stored = await uploadRecordFile(tx, ref(auth.tenantId, request.params.id), auth.userId, upload);
      await writeAudit(tx, {
        tenantId: auth.tenantId, actorId: auth.userId, objectType: 'task', recordId: request.params.id, action: 'file_add', requestId: request.id,
        changes: [{ field: 'files', old: null, new: { fileId: stored.id, fileName: stored.fileName } }],
      });
      return stored;
    });
    return reply.status(201).send(file);
  });

  app.delete('/api/v1/task/:id/files/:fileId', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Remove a task attachment: its uploader, or whoever may complete the task',
      params: params.extend({ fileId: z.uuid() }), response: { 204: z.null(), 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    await db.transaction().execute(async (tx) => {
      const scope = await openScope(tx, auth, 'task', request.id);
      const task = await findTask(tx, scope, request.params.id, 'see', true);
      const link = await findRecordFile(tx, ref(auth.tenantId, task.id), request.params.fileId);
      if (!link) throw new AppError(404, 'not_found', 'records.file_not_found');
      if (link.added_by !== auth.userId && !task.can_change) throw forbidden();
      const fileName = await removeRecordFile(tx, ref(auth.tenantId, task.id), request.params.fileId);
      await writeAudit(tx, {
        tenantId: auth.tenantId, actorId: auth.userId, objectType: 'task', recordId: task.id, action: 'file_remove', requestId: request.id,
        changes: [{ field: 'files', old: { fileId: request.params.fileId, fileName }, new: null }],
      });
    });
    return reply.status(204).send(null);
  });
};

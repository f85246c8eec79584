import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { readUpload } from '../platform/files/read-upload';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody, AppError } from '../platform/http/errors';
import { findRow } from './read';
import { findRecordFile, listRecordFiles, recordFileSchema, removeRecordFile, uploadRecordFile } from './record-files';
import { openScope } from './scope';
import { auditRecord } from './write-helpers';


/**
 * Objects whose 文档 tab these routes serve. Tasks answer the same paths with their own access rule
 * (objects/task); an activity's pictures and documents are managed with the activity itself.
 */
const DOCUMENT_OBJECTS = STANDARD_OBJECTS.filter((o) => o.owned && o.key !== 'task' && o.key !== 'activity');

/** 文档 (§3.5.6, §3.7.5): documents attached to a record. */
export const recordFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  await app.register(multipart, { limits: { files: 1 } }); // the size limit is the purpose's, set where the file is read

  for (const object of DOCUMENT_OBJECTS) {
    const base = `/api/v1/${object.key}/:id/files`;
    const tags = [object.key];
    const params = z.object({ id: z.string() });

    app.get(base, {
      config: { auth: 'user' },
      schema: { tags, summary: '文档: the documents of a record, newest first', params, response: { 200: z.object({ items: z.array(recordFileSchema) }), 404: errorBody } },
    }, async (request) => {
      const scope = await openScope(db, requireAuth(request), object.key);
      await findRow(db, scope, request.params.id);
      return { items: await listRecordFiles(db, { tenantId: scope.auth.tenantId, object: object.key, recordId: request.params.id }) };
    });

    app.post(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: 'Upload a document to a record (multipart field "file"; PDF, Office, images, ZIP, TXT/CSV judged from the bytes; at most 20 MB). Needs edit rights.',
        consumes: ['multipart/form-data'], params, response: { 201: recordFileSchema, 400: errorBody, 403: errorBody, 404: errorBody, 413: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      // Check the record before reading the body: someone who may not see it learns nothing from a size error.
      await findRow(db, await openScope(db, auth, object.key), request.params.id, 'write');
      const upload = await readUpload(request, 'attachment');
      const file = await db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, object.key, request.id);
        await findRow(tx, scope, request.params.id, 'write', true);
        const stored = await uploadRecordFile(tx, { tenantId: auth.tenantId, object: object.key, recordId: request.params.id }, auth.userId, upload);
        await auditRecord(tx, scope, request.params.id, 'file_add', [{ field: 'files', old: null, new: { fileId: stored.id, fileName: stored.fileName } }]);
        return stored;
      });
      return reply.status(201).send(file);
    });

    app.delete(`${base}/:fileId`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: 'Delete a document: its uploader, or whoever may delete the record (owner line, administrators)',
        params: params.extend({ fileId: z.uuid() }), response: { 204: z.null(), 403: errorBody, 404: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, object.key, request.id);
        const { id, fileId } = request.params;
        await findRow(tx, scope, id, 'read', true);
        const ref = { tenantId: auth.tenantId, object: object.key, recordId: id };
        const link = await findRecordFile(tx, ref, fileId);
        if (!link) throw new AppError(404, 'not_found', 'records.file_not_found');
        if (link.added_by !== auth.userId) await findRow(tx, scope, id, 'manage'); // 403 for readers who are neither
        const fileName = await removeRecordFile(tx, ref, fileId);
        await auditRecord(tx, scope, id, 'file_remove', [{ field: 'files', old: { fileId, fileName }, new: null }]);
      });
      return reply.status(204).send(null);
    });
  }
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody, invalid } from '../platform/http/errors';
import { publicMeta } from '../metadata/registry';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { runBatch } from './batch';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { attachDisplayNames } from './display';
import { listRecords } from './list-records';
import { findRow } from './read';
import { batchResultSchema, idsSchema, listQuerySchema, parseFilter, recordInputSchema, recordSchema } from './schemas';
import { objectOf, openScope } from './scope';
import { transferRecord } from './transfer-record';
import { updateRecord } from './update-record';
import { rowToRecord } from './values';
import { loadSavedView } from './views';
import './messages';

const idParams = z.object({ id: z.string() });

/** The generic REST API (DESIGN.md §6) for every standard object: the same routes, schemas from metadata. */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/metadata/objects', {
    config: { auth: 'user' },
    schema: { tags: ['metadata'], summary: 'Objects with their fields, as this company has configured them', response: { 200: z.object({ items: z.array(z.unknown()) }) } },
  }, async (request) => {
    const auth = requireAuth(request);
    return { items: await Promise.all(STANDARD_OBJECTS.map(async (o) => publicMeta(await objectOf(db, auth, o.key)))) };
  });

  app.get('/api/v1/metadata/objects/:object', {
    config: { auth: 'user' },
    schema: { tags: ['metadata'], summary: 'One object: fields, types, options, required', params: z.object({ object: z.string() }), response: { 200: z.unknown(), 404: errorBody } },
  }, async (request) => publicMeta(await objectOf(db, requireAuth(request), request.params.object)));

  for (const object of STANDARD_OBJECTS) {
    const base = `/api/v1/${object.key}`;
    const tags = [object.key];
    const record = recordSchema(object);
    const input = recordInputSchema(object);
    const scopeOf = (request: Parameters<typeof requireAuth>[0], dbx = db) => openScope(dbx, requireAuth(request), object.key, request.id);

    app.get(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `List ${object.label.en} records (${object.label.zh}) the caller may see`, querystring: listQuerySchema,
        response: { 200: z.object({ items: z.array(record), total: z.number().int(), totalCapped: z.boolean() }), 400: errorBody },
      },
    }, async (request) => {
      const scope = await scopeOf(request);
      const q = request.query;
      const parsed = parseFilter(q.filter);
      if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
      const saved = q.viewId ? await loadSavedView(db, scope, q.viewId) : undefined;
      const filters = [saved?.filter, parsed?.filter].filter((f) => f !== undefined);
      return listRecords(db, scope, {
        filter: filters.length > 1 ? { and: filters } : filters[0],
        view: q.view,
        sort: q.sort ?? saved?.sort ?? undefined,
        page: q.page,
        pageSize: q.pageSize,
      });
    });

    app.post(base, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `Create a ${object.label.en} (${object.label.zh})`, body: input,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
        response: { 201: record, 200: record.describe('The record an earlier request with the same Idempotency-Key created'), 400: errorBody },
      },
    }, async (request, reply) => {
      const scope = await scopeOf(request);
      const key = request.headers['idempotency-key'];
      const { record: created, replayed } = await createRecord(db, scope, request.body as Record<string, unknown>, typeof key === 'string' ? key : undefined);
      await attachDisplayNames(db, scope, [created]);
      return reply.status(replayed ? 200 : 201).send(created);
    });

    app.get(`${base}/:id`, {
      config: { auth: 'user' },
      schema: { tags, summary: `Read one ${object.label.en}`, params: idParams, response: { 200: record, 404: errorBody } },
    }, async (request) => {
      const scope = await scopeOf(request);
      const found = rowToRecord(scope.object, await findRow(db, scope, request.params.id));
      await attachDisplayNames(db, scope, [found]);
      return found;
    });

    app.patch(`${base}/:id`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `Update a ${object.label.en}; send the version read (body "version" or If-Match), 409 when stale`,
        params: idParams, body: input.extend({ version: z.number().int().optional() }),
        response: { 200: record, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    }, async (request) => {
      const { version: bodyVersion, ...values } = request.body as Record<string, unknown> & { version?: number };
      const header = request.headers['if-match'];
      const version = bodyVersion ?? (typeof header === 'string' && /^"?\d+"?$/.test(header) ? Number(header.replace(/"/g, '')) : undefined);
      // One scope for the write and the display names: metadata and the viewer are read once.
      return db.transaction().execute(async (tx) => {
        const scope = await scopeOf(request, tx);
        const updated = await updateRecord(tx, scope, request.params.id, values, version);
        await attachDisplayNames(tx, scope, [updated]);
        return updated;
      });
    });

    app.delete(`${base}/:id`, {
      config: { auth: 'user' },
      schema: { tags, summary: `Delete a ${object.label.en}`, params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
    }, async (request, reply) => {
      await db.transaction().execute(async (tx) => deleteRecord(tx, await scopeOf(request, tx), request.params.id));
      return reply.status(204).send(null);
    });

    app.post(`${base}/batch/update`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: 'Set the same field values on many records; one result per id',
        body: z.object({ ids: idsSchema, values: input }), response: { 200: batchResultSchema, 400: errorBody },
      },
    }, async (request) => {
      const auth = requireAuth(request);
      return runBatch(db, request.body.ids, request.locale, async (tx, id) => {
        const scope = await openScope(tx, auth, object.key, request.id);
        const row = await findRow(tx, scope, id, 'write');
        await updateRecord(tx, scope, id, request.body.values as Record<string, unknown>, row.version as number);
      });
    });

    app.post(`${base}/batch/delete`, {
      config: { auth: 'user' },
      schema: { tags, summary: 'Delete many records; one result per id', body: z.object({ ids: idsSchema }), response: { 200: batchResultSchema } },
    }, async (request) => {
      const auth = requireAuth(request);
      return runBatch(db, request.body.ids, request.locale, async (tx, id) => deleteRecord(tx, await openScope(tx, auth, object.key, request.id), id));
    });

    if (object.owned) {
      app.post(`${base}/:id/transfer`, {
        config: { auth: 'user' },
        schema: { tags, summary: '转移: give the record to another user', params: idParams, body: z.object({ ownerId: z.guid() }), response: { 200: record, 400: errorBody, 404: errorBody } },
      }, async (request) => {
        return db.transaction().execute(async (tx) => {
          const scope = await scopeOf(request, tx);
          const moved = await transferRecord(tx, scope, request.params.id, request.body.ownerId);
          await attachDisplayNames(tx, scope, [moved]);
          return moved;
        });
      });

      app.post(`${base}/batch/transfer`, {
        config: { auth: 'user' },
        schema: { tags, summary: '批量转移: give many records to one user; one result per id', body: z.object({ ids: idsSchema, ownerId: z.guid() }), response: { 200: batchResultSchema } },
      }, async (request) => {
        const auth = requireAuth(request);
        return runBatch(db, request.body.ids, request.locale, async (tx, id) => transferRecord(tx, await openScope(tx, auth, object.key, request.id), id, request.body.ownerId));
      });
    }
  }
};

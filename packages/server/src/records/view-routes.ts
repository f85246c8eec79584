import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filterSchema } from '@yixiao/core';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody, AppError, invalid } from '../platform/http/errors';
import { openScope } from './scope';
import { validateView } from './views';

const viewSchema = z.object({ id: z.guid(), name: z.string(), filter: filterSchema, sort: z.string().nullable() });
const objectParams = z.object({ object: z.string() });

/** Saved views (常用检索 / 智能视图) and list column settings, per user and object. */
export const viewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/views/:object', {
    config: { auth: 'user' },
    schema: { tags: ['views'], summary: 'My saved views of an object', params: objectParams, response: { 200: z.object({ items: z.array(viewSchema) }) } },
  }, async (request) => {
    const scope = await openScope(db, requireAuth(request), request.params.object);
    const rows = await db.selectFrom('list_views').select(['id', 'name', 'filter', 'sort'])
      .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId).where('object', '=', scope.object.key)
      .orderBy('created_at').execute();
    return { items: rows.map((r) => ({ ...r, filter: r.filter as z.infer<typeof filterSchema> })) };
  });

  app.post('/api/v1/views/:object', {
    config: { auth: 'user' },
    schema: {
      tags: ['views'], summary: 'Save a view (up to 20 conditions)', params: objectParams,
      body: z.object({ name: z.string().trim().min(1).max(50), filter: z.unknown(), sort: z.string().max(200).nullable().optional() }),
      response: { 201: viewSchema, 400: errorBody, 409: errorBody },
    },
  }, async (request, reply) => {
    const scope = await openScope(db, requireAuth(request), request.params.object);
    const filter = validateView(scope, request.body.filter, request.body.sort);
    const row = await db.insertInto('list_views')
      .values({ tenant_id: scope.auth.tenantId, user_id: scope.auth.userId, object: scope.object.key, name: request.body.name, filter: JSON.stringify(filter), sort: request.body.sort ?? null })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'name', 'sort']).executeTakeFirst();
    if (!row) throw new AppError(409, 'duplicate_view', 'records.duplicate_value', { field: request.body.name });
    return reply.status(201).send({ ...row, filter });
  });

  app.delete('/api/v1/views/:object/:id', {
    config: { auth: 'user' },
    schema: { tags: ['views'], summary: 'Delete one of my views', params: objectParams.extend({ id: z.guid() }), response: { 204: z.null() } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    await db.deleteFrom('list_views').where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId).where('id', '=', request.params.id).execute();
    return reply.status(204).send(null);
  });

  app.get('/api/v1/views/:object/columns', {
    config: { auth: 'user' },
    schema: { tags: ['views'], summary: 'My list columns for an object (the defaults until I arrange them)', params: objectParams, response: { 200: z.object({ columns: z.array(z.string()) }) } },
  }, async (request) => {
    const scope = await openScope(db, requireAuth(request), request.params.object);
    const row = await db.selectFrom('list_column_settings').select('columns')
      .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId).where('object', '=', scope.object.key).executeTakeFirst();
    const live = (key: string) => !scope.object.field(key)?.retired && !!scope.object.field(key);
    return { columns: (row?.columns ?? scope.object.defaultColumns).filter(live) };
  });

  app.put('/api/v1/views/:object/columns', {
    config: { auth: 'user' },
    schema: {
      tags: ['views'], summary: '编辑列表显示字段: the columns I see, in order', params: objectParams,
      body: z.object({ columns: z.array(z.string()).min(1).max(60) }), response: { 200: z.object({ columns: z.array(z.string()) }), 400: errorBody },
    },
  }, async (request) => {
    const scope = await openScope(db, requireAuth(request), request.params.object);
    const { columns } = request.body;
    const unknown = columns.filter((c) => !scope.object.field(c) || scope.object.field(c)!.retired);
    if (unknown.length || new Set(columns).size !== columns.length) throw invalid('records.unknown_field', { field: unknown.join('、') || 'duplicate' });
    await db.insertInto('list_column_settings')
      .values({ tenant_id: scope.auth.tenantId, user_id: scope.auth.userId, object: scope.object.key, columns })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'object']).doUpdateSet({ columns }))
      .execute();
    return { columns };
  });
};

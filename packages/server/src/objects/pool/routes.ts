import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { POOL_ACTIONS, POOL_OBJECTS, type PoolAction } from '@yixiao/core';
import { standardObject } from '../../metadata/objects';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody, invalid, notFound } from '../../platform/http/errors';
import { runBatch } from '../../records/batch';
import { insertRecord } from '../../records/create-record';
import { attachDisplayNames } from '../../records/display';
import { listRecords } from '../../records/list-records';
import { findRow } from '../../records/read';
import { batchResultSchema, idsSchema, listQuerySchema, parseFilter, recordInputSchema, recordSchema } from '../../records/schemas';
import { openScope } from '../../records/scope';
import { runPoolAction } from './actions';
import { poolEvents } from './event-list';
import { poolListPredicates } from './pool-list';
import { loadGroup } from './groups';
import { initPoolGroup } from './init-group';
import { poolStatus } from './recycle';
import { eventSchema, statusSchema } from './schemas';
import './hooks';
import './messages';

/**
 * The pool itself, one set of routes per pool object (/api/v1/pools/lead/…, /api/v1/pools/account/…):
 * the pool list, create in the pool, the batch actions, the pool operation log and a record's pool status.
 */
export const poolRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const key of POOL_OBJECTS) {
    const object = standardObject(key)!;
    const base = `/api/v1/pools/${key}`;
    const tags = ['pools'];
    const scopeOf = (request: Parameters<typeof requireAuth>[0]) => openScope(db, requireAuth(request), key, request.id);

    app.get(`${base}/records`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `The ${object.label.en} pool: records in the caller's groups`,
        querystring: listQuerySchema.omit({ view: true, viewId: true }).extend({
          groupId: z.guid().optional().describe('One group; all of the caller’s groups when absent'),
          all: z.enum(['true', 'false']).optional().describe('Also records held, converted or abandoned (显示已领取、已转换、已废弃)'),
        }),
        response: { 200: z.object({ items: z.array(recordSchema(object)), total: z.number().int(), totalCapped: z.boolean() }), 400: errorBody },
      },
    }, async (request) => {
      const scope = await scopeOf(request);
      const q = request.query;
      const parsed = parseFilter(q.filter);
      if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
      const { state, visible } = poolListPredicates(scope, q);
      return listRecords(db, scope, { filter: parsed?.filter, sort: q.sort, page: q.page, pageSize: q.pageSize }, state, visible);
    });

    app.post(`${base}/records`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `新建 in the pool: a ${object.label.en} nobody holds yet (auto-assign rules may assign it at once)`,
        body: recordInputSchema(object), response: { 201: recordSchema(object), 400: errorBody },
      },
    }, async (request, reply) => {
      const scope = await scopeOf(request);
      const created = await db.transaction().execute((tx) => insertRecord(tx, scope, request.body as Record<string, unknown>, { inPool: true }));
      await attachDisplayNames(db, scope, [created]);
      return reply.code(201).send(created);
    });

    app.post(`${base}/batch/:action`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: '领取 / 分配 / 改变分组 / 废弃 / 恢复 / 回收 / 退回公海池: one result per id',
        params: z.object({ action: z.enum(POOL_ACTIONS) }),
        body: z.object({
          ids: idsSchema,
          userId: z.guid().optional().describe('assign: the member to give the records to'),
          groupId: z.guid().optional().describe('change-group: the target group; return: another group, where allowed'),
          reason: z.string().trim().max(500).optional().describe('return / abandon: why'),
        }),
        response: { 200: batchResultSchema, 400: errorBody },
      },
    }, async (request) => {
      const auth = requireAuth(request);
      const scope = await openScope(db, auth, key, request.id);
      const { ids, ...input } = request.body;
      return runBatch(db, ids, request.locale, (tx, id) => runPoolAction(tx, scope, request.params.action as PoolAction, id, input));
    });

    app.post(`${base}/batch/init-group`, {
      config: { auth: 'pool.admin' },
      schema: {
        tags, summary: '初始化公海池分组 (§3.5.12): records from before pools join the group; those already in a group are left alone (one result per id)',
        body: z.object({ ids: idsSchema, groupId: z.guid().describe('The group the records without one join') }),
        response: { 200: batchResultSchema, 400: errorBody, 403: errorBody },
      },
    }, async (request) => {
      const scope = await scopeOf(request);
      const { ids, groupId } = request.body;
      await loadGroup(db, scope.viewer, key, groupId).catch(() => { throw invalid('pool.bad_group'); });
      return runBatch(db, ids, request.locale, (tx, id) => initPoolGroup(tx, scope, id, groupId));
    });

    app.get(`${base}/events`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: '查看公海操作记录: the pool operation log of the caller’s groups, newest first',
        querystring: z.object({
          groupId: z.guid().optional(), recordId: z.guid().optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(eventSchema), hasMore: z.boolean() }), 400: errorBody },
      },
    }, async (request) => poolEvents(db, await scopeOf(request), request.query));

    app.get(`${base}/records/:id/pool-status`, {
      config: { auth: 'user' },
      schema: { tags, summary: 'Where a record stands in its pool: group, state, and the rule that would return it first', params: z.object({ id: z.string() }), response: { 200: statusSchema, 404: errorBody } },
    }, async (request) => {
      const scope = await scopeOf(request);
      const row = await findRow(db, scope, request.params.id).catch(() => { throw notFound(); });
      return poolStatus(db, scope.auth.tenantId, key, row, new Date());
    });
  }
};


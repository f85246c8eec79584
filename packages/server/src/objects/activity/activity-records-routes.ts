import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { openScope } from '../../records/scope';
import { errorBody } from './activity.types';
import {
  activityRecordsFilterSchema, activityRecordsPageSchema, activityRecordsQuerySchema, rankingSchema,
} from './activity-records.types';
import { exportActivityRecords } from './export-activity-records';
import { listActivityRecords } from './list-activity-records';
import { activityRanking } from './ranking';

const tags = ['activity'];

/** 活动记录 (§3.7.7, §4.5): every activity and completed task the caller may see, its 排行榜 and its export. */
export const activityRecordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const base = '/api/v1/activity-records';

  app.get(base, {
    config: { auth: 'user' },
    schema: {
      tags, summary: '活动记录: activities on every record the caller may read, and completed tasks, newest first',
      querystring: activityRecordsQuerySchema, response: { 200: activityRecordsPageSchema, 400: errorBody },
    },
  }, async (request) => listActivityRecords(db, await openScope(db, requireAuth(request), 'activity'), request.query));

  app.get(`${base}/ranking`, {
    config: { auth: 'user' },
    schema: {
      tags, summary: '活动记录排行榜: count of activities per person over the same rows as the list',
      querystring: activityRecordsFilterSchema, response: { 200: rankingSchema, 400: errorBody },
    },
  }, async (request) => activityRanking(db, await openScope(db, requireAuth(request), 'activity'), request.query));

  app.get(`${base}/export`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Export 活动记录 under the same filters as CSV (UTF-8 with BOM, formulas neutralised)', querystring: activityRecordsFilterSchema },
  }, async (request, reply) => {
    const scope = await openScope(db, requireAuth(request), 'activity', request.id);
    const stamp = new Date().toISOString().slice(0, 10);
    reply.raw.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="activity-records-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`活动记录-${stamp}.csv`)}`,
      'x-request-id': request.id,
    });
    // One snapshot for every batch, so rows posted while exporting neither shift nor repeat.
    await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      for await (const chunk of exportActivityRecords(tx, scope, request.query, request.locale)) {
        if (!reply.raw.write(chunk)) await new Promise((resolve) => reply.raw.once('drain', resolve));
      }
    });
    reply.raw.end();
    return reply;
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery, sendSheet } from '../../dataio/export/download';
import { exportFileName } from '../../dataio/export/file-name';
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
    schema: {
      tags, summary: 'Export 活动记录 under the same filters as XLSX or CSV (UTF-8 with BOM, or GB18030), formulas neutralised',
      querystring: activityRecordsFilterSchema.extend(exportFormatQuery), response: { 400: errorBody },
    },
  }, async (request, reply) => {
    const scope = await openScope(db, requireAuth(request), 'activity', request.id);
    const { format, encoding, ...filter } = request.query;
    const en = request.locale === 'en-US';
    return sendSheet(request, reply, {
      format, encoding, sheetName: en ? 'Activity records' : '活动记录',
      file: exportFileName({ zh: '活动记录', en: 'Activity records' }, 'activity-records', request.locale, scope.timeZone, format),
    // One snapshot for every batch, so rows posted while exporting neither shift nor repeat.
    }, (sheet) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      for await (const rows of exportActivityRecords(tx, scope, filter, request.locale)) {
        for (const row of rows) await sheet.writeRow(row);
      }
    }));
  });
};

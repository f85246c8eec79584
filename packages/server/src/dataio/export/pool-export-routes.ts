import { POOL_OBJECTS } from '@yixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { standardObject } from '../../metadata/objects';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody, invalid } from '../../platform/http/errors';
import { listWhere, orderBy } from '../../records/list-records';
import { listQuerySchema, parseFilter } from '../../records/schemas';
import { poolListPredicates } from '../../objects/pool/pool-list';
import { openScope } from '../../records/scope';
import { exportFormatQuery } from './download';
import { exportColumns, sendListExport } from './send-list';

const POOL_LABELS = {
  lead: { zh: '销售线索公海池', en: 'Lead pool' },
  account: { zh: '客户公海池', en: 'Account pool' },
} as const;

/**
 * 导出 of a pool list (销售线索公海池 / 客户公海池): the records of the caller's groups the pool page
 * shows (one group or all, 显示已领取… or not), with the same filters, sort and columns. The pool's
 * own visibility applies, as on its list: a group's members see the group's records.
 */
export const poolExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const key of POOL_OBJECTS) {
    const object = standardObject(key)!;
    app.get(`/api/v1/pools/${key}/records/export`, {
      config: { auth: 'user' },
      schema: {
        tags: ['pools'], summary: `Export the ${object.label.en} pool list as XLSX or CSV, as the caller sees it`,
        querystring: listQuerySchema.omit({ view: true, viewId: true, page: true, pageSize: true }).extend({
          groupId: z.guid().optional().describe('One group; all of the caller’s groups when absent'),
          all: z.enum(['true', 'false']).optional().describe('Also records held, converted or abandoned (显示已领取、已转换、已废弃)'),
          columns: z.string().max(2000).optional().describe('Comma-separated field keys; the user\'s list columns when absent'),
          ...exportFormatQuery,
        }),
        response: { 400: errorBody },
      },
    }, async (request, reply) => {
      const scope = await openScope(db, requireAuth(request), key, request.id);
      const q = request.query;
      const parsed = parseFilter(q.filter);
      if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
      const { state, visible } = poolListPredicates(scope, q);
      const columns = await exportColumns(db, scope, q.columns);
      if (columns.length === 0) throw invalid('records.unknown_field', { field: q.columns ?? '' });
      return sendListExport(request, reply, db, scope, {
        where: listWhere(scope, { filter: parsed?.filter }, state, visible),
        order: orderBy(scope, q.sort),
        columns, format: q.format, encoding: q.encoding, label: POOL_LABELS[key], asciiName: `${key}-pool`,
      });
    });
  }
};

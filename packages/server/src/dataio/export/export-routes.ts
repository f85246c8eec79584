import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_OBJECTS } from '../../metadata/objects';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody, invalid } from '../../platform/http/errors';
import { listWhere, orderBy } from '../../records/list-records';
import { listQuerySchema, parseFilter } from '../../records/schemas';
import { openScope } from '../../records/scope';
import { loadSavedView } from '../../records/views';
import { exportFormatQuery } from './download';
import { exportColumns, sendListExport } from './send-list';

const exportQuerySchema = listQuerySchema.omit({ page: true, pageSize: true }).extend({
  columns: z.string().max(2000).optional().describe('Comma-separated field keys; the user\'s list columns when absent'),
  ...exportFormatQuery,
});

/**
 * 导出 (§3.2.2, §3.3.2, §3.4.3, §3.5.3): what a list shows (its view, saved view, filters, sort and
 * the user's columns, only records the user may see) as XLSX or CSV (UTF-8 with BOM, or GB18030),
 * streamed, every cell neutralised against formula injection. Everything is checked before the
 * first byte goes out, so a bad filter is still an ordinary 400.
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const object of STANDARD_OBJECTS) {
    app.get(`/api/v1/${object.key}/export`, {
      config: { auth: 'user' },
      schema: {
        tags: [object.key], summary: `Export the ${object.label.en} list (${object.label.zh}) as XLSX or CSV, as the caller sees it`,
        querystring: exportQuerySchema,
        response: { 400: errorBody, 404: errorBody.describe('No such saved view (viewId)') },
      },
    }, async (request, reply) => {
      const scope = await openScope(db, requireAuth(request), object.key, request.id);
      const q = request.query;
      const parsed = parseFilter(q.filter);
      if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
      const saved = q.viewId ? await loadSavedView(db, scope, q.viewId) : undefined;
      const filters = [saved?.filter, parsed?.filter].filter((f) => f !== undefined);
      const columns = await exportColumns(db, scope, q.columns);
      if (columns.length === 0) throw invalid('records.unknown_field', { field: q.columns ?? '' });
      return sendListExport(request, reply, db, scope, {
        where: listWhere(scope, { filter: filters.length > 1 ? { and: filters } : filters[0], view: q.view }),
        order: orderBy(scope, q.sort ?? saved?.sort ?? undefined),
        columns, format: q.format, encoding: q.encoding, label: scope.object.label, asciiName: object.key,
      });
    });
  }
};

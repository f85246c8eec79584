import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_OBJECTS } from '../../metadata/objects';
import { requireAuth } from '../../platform/http/auth-hook';
import { invalid } from '../../platform/http/errors';
import { listWhere, orderBy } from '../../records/list-records';
import { listQuerySchema, parseFilter } from '../../records/schemas';
import { openScope } from '../../records/scope';
import { loadSavedView } from '../../records/views';
import { exportFormatQuery, sendSheet } from './download';
import { exportFileName } from './file-name';
import { listExportRows } from './list-rows';

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
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      const scope = await openScope(db, auth, object.key, request.id);
      const q = request.query;
      const parsed = parseFilter(q.filter);
      if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
      const saved = q.viewId ? await loadSavedView(db, scope, q.viewId) : undefined;
      const filters = [saved?.filter, parsed?.filter].filter((f) => f !== undefined);
      const settings = await db.selectFrom('list_column_settings').select('columns')
        .where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId).where('object', '=', object.key).executeTakeFirst();
      const columns = (q.columns?.split(',').map((c) => c.trim()) ?? settings?.columns ?? scope.object.defaultColumns)
        .filter((key) => scope.object.field(key) && !scope.object.field(key)!.retired);
      if (columns.length === 0) throw invalid('records.unknown_field', { field: q.columns ?? '' });
      const where = listWhere(scope, { filter: filters.length > 1 ? { and: filters } : filters[0], view: q.view });
      const order = orderBy(scope, q.sort ?? saved?.sort ?? undefined);

      const en = request.locale === 'en-US';
      const label = scope.object.label;
      const header = columns.map((key) => { const f = scope.object.field(key)!; return en ? f.label.en : f.label.zh; });
      return sendSheet(request, reply, {
        format: q.format, encoding: q.encoding, sheetName: en ? label.en : label.zh,
        file: exportFileName(label, object.key, request.locale, scope.timeZone, q.format),
      }, (sheet) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
        await sheet.writeRow(header);
        for await (const rows of listExportRows(tx, scope, { where, order, columns }, request.locale)) {
          for (const row of rows) await sheet.writeRow(row);
        }
      }));
    });
  }
};

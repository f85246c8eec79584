import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { invalid } from '../platform/http/errors';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { attachDisplayNames } from './display';
import { csvCell, displayValue } from './export-csv';
import { listWhere } from './list-records';
import { parseFilter } from './schemas';
import { openScope } from './scope';
import { R } from './sql-ref';
import { rowToRecord } from './values';
import { loadSavedView } from './views';

const BATCH = 1000;

/**
 * 导出: what a list shows (its view, filters and the user's columns, only records the user may
 * see) as CSV in UTF-8 with a BOM, streamed in batches so a large list never sits in memory.
 * Rows come in id order so batches never skip or repeat a record. XLSX and GB18030 come with the
 * import/export engine.
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const object of STANDARD_OBJECTS) {
    app.get(`/api/v1/${object.key}/export`, {
      config: { auth: 'user' },
      schema: {
        tags: [object.key], summary: `Export the ${object.label.en} list as CSV (UTF-8 with BOM)`,
        querystring: z.object({
          filter: z.string().max(20_000).optional(),
          view: z.enum(['mine', 'team', 'all', 'stale7']).optional(),
          viewId: z.guid().optional(),
          columns: z.string().max(2000).optional().describe('Comma-separated field keys; the user\'s list columns when absent'),
        }),
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
      const columns = (q.columns?.split(',') ?? settings?.columns ?? scope.object.defaultColumns)
        .filter((key) => scope.object.field(key) && !scope.object.field(key)!.retired);
      if (columns.length === 0) throw invalid('records.unknown_field', { field: q.columns ?? '' });
      const where = listWhere(scope, { filter: filters.length > 1 ? { and: filters } : filters[0], view: q.view });

      const label = (key: string) => { const f = scope.object.field(key)!; return request.locale === 'en-US' ? f.label.en : f.label.zh; };
      const stamp = new Date().toISOString().slice(0, 10);
      reply.raw.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${object.key}-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`${scope.object.label.zh}-${stamp}.csv`)}`,
        'x-request-id': request.id,
      });
      reply.raw.write('\uFEFF' + columns.map((key) => csvCell(label(key))).join(',') + '\r\n');
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.ref(R)}.* FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
          WHERE ${where} AND ${sql.ref(`${R}.id`)} > ${after}::uuid ORDER BY ${sql.ref(`${R}.id`)} LIMIT ${BATCH}`.execute(db);
        if (rows.length === 0) break;
        const records = rows.map((row) => rowToRecord(scope.object, row));
        await attachDisplayNames(db, scope, records);
        const text = records.map((r) => columns.map((key) => csvCell(displayValue(scope.object, key, r, request.locale))).join(',')).join('\r\n') + '\r\n';
        if (!reply.raw.write(text)) await new Promise((resolve) => reply.raw.once('drain', resolve));
        after = rows[rows.length - 1]!.id as string;
        if (rows.length < BATCH) break;
      }
      reply.raw.end();
      return reply;
    });
  }
};

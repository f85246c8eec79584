import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FILE_FORMATS } from '@yixiao/core';
import { contentDisposition } from '../platform/files/file-name';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody } from '../platform/http/errors';
import { openScope } from '../records/scope';
import { IMPORT_OBJECTS } from './import/routes';
import { loadImportRules, writeTemplate } from './template';

const targetQuery = z.enum(['records', 'pool']).default('records').describe('records: the ordinary list; pool: the object\'s pool (公海池, lead and account), whose records have no owner column');

const importRulesSchema = z.object({
  object: z.string(),
  requiredColumns: z.array(z.string()).describe('Field labels (zh) of the columns a file must have'),
  columns: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), type: z.string(), hint: z.string().nullable(), options: z.array(z.string()).optional() }))
    .describe('Every column a file may have, in template order (required first)'),
  dedupeRule: z.string().nullable().describe('查重规则 in force, in words; null when duplicates are not checked'),
  notes: z.array(z.string()).describe('注意事项, one per line, in the caller\'s language'),
}).meta({ id: 'ImportRules' });

const MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** 下载数据模板 and the import rules (§3.2.2, §3.5.3), from each company's current fields. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const object of IMPORT_OBJECTS) {
    const tags = [object.key, 'imports'];
    app.get(`/api/v1/${object.key}/import/rules`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `导入${object.label.zh}: required columns, every column, 查重规则 and 注意事项`,
        querystring: z.object({ target: targetQuery }), response: { 200: importRulesSchema, 404: errorBody },
      },
    }, async (request) => {
      const auth = requireAuth(request);
      const scope = await openScope(db, auth, object.key, request.id);
      return loadImportRules(db, auth.tenantId, scope.object, request.query.target, request.locale);
    });

    app.get(`/api/v1/${object.key}/import/template`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: `下载${object.label.zh}数据模板: the header row of the importable fields (CSV in UTF-8 with BOM, or XLSX with required columns in red and a 注意事项 sheet)`,
        querystring: z.object({ format: z.enum(FILE_FORMATS).default('xlsx'), target: targetQuery }),
        produces: [MIME.csv, MIME.xlsx],
        response: { 200: z.unknown().describe('The template file'), 404: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      const { format, target } = request.query;
      const scope = await openScope(db, auth, object.key, request.id);
      const rules = await loadImportRules(db, auth.tenantId, scope.object, target, request.locale);
      const label = request.locale === 'en-US' ? scope.object.label.en : scope.object.label.zh;
      const name = request.locale === 'en-US' ? `${label} import template.${format}` : `${label}导入模板.${format}`;
      const body = new PassThrough();
      void writeTemplate(body, rules, label, format, request.locale).catch((error: unknown) => body.destroy(error as Error));
      return reply.header('content-type', MIME[format]).header('content-disposition', contentDisposition('attachment', name)).send(body);
    });
  }
};

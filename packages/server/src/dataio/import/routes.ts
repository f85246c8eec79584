import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_OBJECTS } from '../../metadata/objects';
import { contentDisposition } from '../../platform/files/file-name';
import { requireAuth } from '../../platform/http/auth-hook';
import { AppError, errorBody } from '../../platform/http/errors';
import { isAdmin } from '../../platform/auth/context';
import { cancelImport } from './cancel-import';
import { reportFileName, writeErrorReport } from './error-report';
import { importJobPageSchema, importJobSchema, importUndoSchema, jobListQuery, startFieldsSchema } from './import.schemas';
import { loadJobViews } from './job-view';
import { loadVisibleJob } from './jobs-access';
import { startImport } from './start-import';
import { undoImport } from './undo-import';
import './messages';

/** Objects with 导入: every record object but activity records and tasks, which are logged, not listed in sheets. */
export const IMPORT_OBJECTS = STANDARD_OBJECTS.filter((o) => o.key !== 'activity' && o.key !== 'task');

/** The largest upload taken: a 1,048,576-row sheet of twelve columns fits well within it. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

const tags = ['imports'];
const idParams = z.object({ id: z.string() });

/** 导入 (§3.2.2, §3.3.2, §3.4.3, §3.5.3): start an import, follow it, cancel it, its error report, undo it. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.services;
  const { db } = database;
  await app.register(multipart, { limits: { files: 1 } });

  for (const object of IMPORT_OBJECTS) {
    app.post(`/api/v1/${object.key}/import`, {
      config: { auth: 'user' },
      schema: {
        tags: [object.key, ...tags],
        summary: `导入${object.label.zh}: upload a CSV (GB18030 / UTF-8) or XLSX file; it is read as it streams in, staged, and imported in the background`,
        description: 'Multipart fields mode, encoding and target come before the file field "file" (or in the query string). Answers 202 with the job to poll; 409 import.busy (details: ImportBusy) while another import of the company runs; 400 for a file that is no sheet or has a wrong header, with nothing written.',
        consumes: ['multipart/form-data'],
        querystring: startFieldsSchema.partial(),
        response: { 202: importJobSchema, 400: errorBody, 409: errorBody, 413: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      const { RequestFileTooLargeError, InvalidMultipartContentTypeError } = request.server.multipartErrors;
      const fields: Record<string, string> = { ...(request.query as Record<string, string>) };
      let started: Awaited<ReturnType<typeof startImport>> | null = null;
      try {
        for await (const part of request.parts({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 11 } })) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (started) { part.file.resume(); continue; }
          const options = startFieldsSchema.parse(fields);
          started = await startImport(database, app.jobs, auth, {
            object: object.key, ...options, fileName: part.filename, file: part.file, truncated: () => part.file.truncated,
          });
        }
      } catch (error) {
        if (error instanceof RequestFileTooLargeError) throw tooLarge();
        if (error instanceof InvalidMultipartContentTypeError) throw new AppError(400, 'file_missing', 'import.file_missing');
        throw error;
      }
      if (!started) throw new AppError(400, 'file_missing', 'import.file_missing');
      const [view] = await loadJobViews(db, auth.tenantId, [started], auth.locale);
      return reply.status(202).send(view!);
    });
  }

  app.get('/api/v1/imports', {
    config: { auth: 'user' },
    schema: { tags, summary: '查看历史导入日志: imports newest first (administrators see everyone\'s, others their own)', querystring: jobListQuery, response: { 200: importJobPageSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { object, page, pageSize } = request.query;
    let query = db.selectFrom('import_jobs').where('tenant_id', '=', auth.tenantId);
    if (!isAdmin(auth)) query = query.where('started_by', '=', auth.userId);
    if (object) query = query.where('object', '=', object);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('started_at', 'desc').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await loadJobViews(db, auth.tenantId, rows, auth.locale), total: Number(count.n) };
  });

  app.get('/api/v1/imports/:id', {
    config: { auth: 'user' },
    schema: { tags, summary: 'One import, for its progress (rows done / total, counts, status)', params: idParams, response: { 200: importJobSchema, 404: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const job = await loadVisibleJob(db, auth, request.params.id);
    return (await loadJobViews(db, auth.tenantId, [job], auth.locale))[0]!;
  });

  app.post('/api/v1/imports/:id/cancel', {
    config: { auth: 'user' },
    schema: { tags, summary: '取消: stop an import after the batch in hand; finished batches stay', params: idParams, response: { 200: importJobSchema, 404: errorBody, 409: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const job = await db.transaction().execute((tx) => cancelImport(tx, auth, request.params.id));
    return (await loadJobViews(db, auth.tenantId, [job], auth.locale))[0]!;
  });

  app.get('/api/v1/imports/:id/errors', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '错误报告: the failed rows with their original columns and a first column 错误提示, in the uploaded format and encoding',
      params: idParams, response: { 200: z.unknown().describe('The CSV or XLSX file'), 404: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const job = await loadVisibleJob(db, auth, request.params.id);
    if (job.failed === 0) throw new AppError(404, 'not_found', 'import.no_errors');
    const out = new PassThrough();
    writeErrorReport(db, job, auth.locale, out).catch((error: unknown) => {
      request.log.error({ err: error }, 'error report failed');
      out.destroy(error as Error);
    });
    return reply
      .header('content-type', job.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : `text/csv; charset=${job.encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`)
      .header('content-disposition', contentDisposition('attachment', reportFileName(job, auth.locale)))
      .header('cache-control', 'no-store')
      .send(out);
  });

  app.post('/api/v1/imports/:id/undo', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '撤销导入: remove the records an import created and restore the ones it overwrote, where nobody changed them since',
      params: idParams, response: { 200: importUndoSchema, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    return db.transaction().execute((tx) => undoImport(tx, auth, request.params.id));
  });
};

function tooLarge() {
  return new AppError(413, 'too_large', 'import.too_large', { max: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` });
}

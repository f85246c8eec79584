import type { Readable } from 'node:stream';
import { POOL_OBJECTS, type FileFormat, type ImportMode, type ImportTarget, type TextEncoding } from '@yixiao/core';
import type { Database } from '../../db/database';
import type { StoredMessage } from '../../db/schema-imports';
import type { AuthContext } from '../../platform/auth/context';
import { AppError, invalid } from '../../platform/http/errors';
import { sanitizeFileName } from '../../platform/files/file-name';
import type { Jobs } from '../../platform/jobs/jobs';
import { openScope } from '../../records/scope';
import { planColumns } from '../read/columns';
import { openSheet } from '../read/open-sheet';
import { busyError } from './busy';
import { IMPORT_QUEUE } from './queue';
import { stageRows } from './stage-rows';
import { heartbeatMs, type JobRow } from './job-view';

export interface StartImportInput {
  object: string;
  mode: ImportMode;
  target: ImportTarget;
  encoding: TextEncoding;
  fileName: string;
  file: Readable;
  /** True when the upload hit the size limit and was cut short. */
  truncated?: () => boolean;
}


export function formatOf(fileName: string): FileFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw invalid('import.bad_format');
}

/**
 * 开始导入: takes the company's one import slot (a row the partial unique index allows once), reads
 * the header, stages every row in PostgreSQL with COPY as the upload streams in, then queues the job.
 * A bad file (no sheet, a wrong header, no rows) removes the job and changes nothing else.
 */
export async function startImport(database: Database, jobs: Jobs, auth: AuthContext, input: StartImportInput): Promise<JobRow> {
  try {
    return await stageAndQueue(database, jobs, auth, input);
  } catch (error) {
    input.file.resume(); // let the rest of the upload drain so the answer can be sent
    throw error;
  }
}

async function stageAndQueue(database: Database, jobs: Jobs, auth: AuthContext, input: StartImportInput): Promise<JobRow> {
  const { db, pool } = database;
  const format = formatOf(input.fileName);
  const scope = await openScope(db, auth, input.object);
  if (input.target === 'pool' && !(POOL_OBJECTS as readonly string[]).includes(input.object)) {
    throw invalid('import.no_pool', { object: auth.locale === 'en-US' ? scope.object.label.en : scope.object.label.zh });
  }
  const job = await db.insertInto('import_jobs').values({
    tenant_id: auth.tenantId, object: scope.object.key, target: input.target, file_name: sanitizeFileName(input.fileName, null), format,
    encoding: format === 'csv' ? input.encoding : null, mode: input.mode, started_by: auth.userId, notices: '[]',
  }).returningAll().executeTakeFirst().catch(async (error: { code?: string; constraint?: string }) => {
    if (error.code === '23505' && error.constraint === 'import_jobs_one_active_ux') throw await busyError(db, auth);
    throw error;
  });
  if (!job) throw new Error('import job not inserted');

  const beat = setInterval(() => {
    void db.updateTable('import_jobs').set({ heartbeat_at: new Date() })
      .where('tenant_id', '=', auth.tenantId).where('id', '=', job.id).execute().catch(() => {});
  }, heartbeatMs());
  try {
    const sheet = await openSheet(input.file, { format, encoding: input.encoding, locale: auth.locale });
    const plan = planColumns(scope.object, sheet.header, auth.locale, input.target);
    const total = await stageRows(pool, auth.tenantId, job.id, sheet.rows);
    if (input.truncated?.()) throw new AppError(413, 'too_large', 'import.too_large', { max: '512 MB' });
    if (total === 0) throw invalid('import.no_rows');
    const notices: StoredMessage[] = sheet.notices.map((text) => ({ key: 'import.text', params: { text } }));
    return await db.transaction().execute(async (tx) => {
      const queued = await tx.updateTable('import_jobs').set({
        status: 'queued', total, header: plan.header, notices: JSON.stringify(notices), heartbeat_at: new Date(),
      }).where('tenant_id', '=', auth.tenantId).where('id', '=', job.id).returningAll().executeTakeFirstOrThrow();
      await jobs.send(IMPORT_QUEUE, { tenantId: auth.tenantId, jobId: job.id }, { tx });
      return queued;
    });
  } catch (error) {
    await db.deleteFrom('import_jobs').where('tenant_id', '=', auth.tenantId).where('id', '=', job.id).execute();
    throw error;
  } finally {
    clearInterval(beat);
  }
}

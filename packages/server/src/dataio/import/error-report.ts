import type { Writable } from 'node:stream';
import type { Locale } from '@yixiao/core';
import type { Db } from '../../db/database';
import { t } from '../../platform/i18n/messages';
import { openSheetWriter } from '../write/open-sheet-writer';
import { render, type JobRow } from './job-view';

const PAGE = 2_000;

/**
 * 错误报告 (§3.2.2): the failed rows with their original cells under the original header, a first
 * column 错误提示 giving each row's reason, in the format and encoding of the upload, so the file
 * can be fixed and uploaded again. Read page by page and streamed: a million failures never sit in memory.
 */
export async function writeErrorReport(db: Db, job: JobRow, locale: Locale, out: Writable): Promise<void> {
  const writer = openSheetWriter(out, { format: job.format, encoding: job.encoding ?? 'utf-8', sheetName: t(locale, 'import.report.sheet') });
  await writer.writeRow([t(locale, 'import.report.reason'), ...job.header]);
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('import_rows').select(['line', 'cells', 'error'])
      .where('tenant_id', '=', job.tenant_id).where('job_id', '=', job.id).where('outcome', '=', 'failed').where('line', '>', after)
      .orderBy('line').limit(PAGE).execute();
    for (const row of rows) await writer.writeRow([row.error ? render(locale, row.error) : '', ...row.cells]);
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.line;
  }
  await writer.end();
}

export function reportFileName(job: JobRow, locale: Locale): string {
  const base = job.file_name.replace(/\.(csv|xlsx)$/i, '');
  return `${base}-${t(locale, 'import.report.sheet')}.${job.format}`;
}

import type { FileFormat, TextEncoding } from '@yixiao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import { sendSheet } from './download';
import { exportFileName } from './file-name';
import { listExportRows } from './list-rows';

export interface ListExport {
  where: RawBuilder<SqlBool>;
  order: RawBuilder<unknown>;
  /** Field keys, checked against the object's fields by the caller. */
  columns: string[];
  format: FileFormat;
  encoding: TextEncoding;
  /** The sheet's and the file's name (销售线索 / Leads), and the plain-ASCII file name (lead). */
  label: { zh: string; en: string };
  asciiName: string;
}

/**
 * Streams one list as a sheet: the header in the user's language, then every row of the list in its
 * order, read through a cursor inside one read-only repeatable-read transaction (one snapshot).
 */
export function sendListExport(request: FastifyRequest, reply: FastifyReply, db: Db, scope: RecordScope, list: ListExport) {
  const en = request.locale === 'en-US';
  const header = list.columns.map((key) => { const f = scope.object.field(key)!; return en ? f.label.en : f.label.zh; });
  return sendSheet(request, reply, {
    format: list.format, encoding: list.encoding, sheetName: en ? list.label.en : list.label.zh,
    file: exportFileName(list.label, list.asciiName, request.locale, scope.timeZone, list.format),
  }, (sheet) => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    await sheet.writeRow(header);
    for await (const rows of listExportRows(tx, scope, list, request.locale)) {
      for (const row of rows) await sheet.writeRow(row);
    }
  }));
}

/** The columns asked for, else the user's list columns, else the object's defaults; unknown and retired ones dropped. */
export async function exportColumns(db: Db, scope: RecordScope, asked: string | undefined): Promise<string[]> {
  const settings = asked ? undefined : await db.selectFrom('list_column_settings').select('columns')
    .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId).where('object', '=', scope.object.key).executeTakeFirst();
  return (asked?.split(',').map((c) => c.trim()) ?? settings?.columns ?? scope.object.defaultColumns)
    .filter((key) => scope.object.field(key) && !scope.object.field(key)!.retired);
}

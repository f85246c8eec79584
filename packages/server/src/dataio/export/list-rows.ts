import type { Locale } from '@yixiao/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database';
import { attachDisplayNames } from '../../records/display';
import type { RecordScope } from '../../records/scope';
import { fieldRef, R } from '../../records/sql-ref';
import { exportCells } from './display-value';

/** Rows fetched per round trip: large enough that PostgreSQL streams, small enough to hold. */
const FETCH = 2000;

/**
 * The rows of a list, in the list's order, as the cells of an export (one string per column).
 * A server-side cursor inside the caller's transaction reads the list once from one snapshot, so a
 * million rows neither sit in memory nor shift while new records arrive. Only the exported columns
 * are selected; references get their names one batch at a time.
 */
export async function* listExportRows(
  tx: Tx, scope: RecordScope,
  query: { where: RawBuilder<SqlBool>; order: RawBuilder<unknown>; columns: string[] }, locale: Locale,
): AsyncGenerator<string[][]> {
  const fields = query.columns.map((key) => scope.object.field(key)!);
  // Date-times leave PostgreSQL as local text: cheaper than a Date per cell parsed and formatted again.
  const select = sql.join(fields.map((field, i) => (field.type === 'datetime'
    ? sql`to_char(${fieldRef(field)} AT TIME ZONE ${scope.timeZone}, 'YYYY-MM-DD HH24:MI') AS ${sql.ref(`c${i}`)}`
    : sql`${fieldRef(field)} AS ${sql.ref(`c${i}`)}`)));
  const cells = exportCells(scope.object, query.columns, locale, scope.timeZone, { localTimesFromSql: true });
  await sql`DECLARE yixiao_export NO SCROLL CURSOR FOR
    SELECT ${sql.ref(`${R}.id`)}, ${select} FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
    WHERE ${query.where} ORDER BY ${query.order}`.execute(tx);
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`FETCH ${sql.raw(String(FETCH))} FROM yixiao_export`.execute(tx);
    if (rows.length === 0) break;
    const records = rows.map((row) => {
      const record: Record<string, unknown> = { id: row.id };
      fields.forEach((field, i) => { record[field.key] = row[`c${i}`]; });
      return record;
    });
    await attachDisplayNames(tx, scope, records);
    yield records.map(cells);
    if (rows.length < FETCH) break;
  }
  await sql`CLOSE yixiao_export`.execute(tx);
}

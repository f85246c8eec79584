import type { Locale } from '@yixiao/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database';
import { attachDisplayNames } from '../../records/display';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { rowToRecord } from '../../records/values';
import { displayValue, localMinuteFormatter } from './display-value';

/** Rows fetched per round trip: large enough that PostgreSQL streams, small enough to hold. */
const FETCH = 2000;

/**
 * The rows of a list, in the list's order, as the cells of an export (one string per column).
 * A server-side cursor inside the caller's transaction reads the list once from one snapshot, so a
 * million rows neither sit in memory nor shift while new records arrive; references get their
 * names one batch at a time.
 */
export async function* listExportRows(
  tx: Tx, scope: RecordScope,
  query: { where: RawBuilder<SqlBool>; order: RawBuilder<unknown>; columns: string[] }, locale: Locale,
): AsyncGenerator<string[][]> {
  const localTime = localMinuteFormatter(scope.timeZone);
  await sql`DECLARE yixiao_export NO SCROLL CURSOR FOR
    SELECT ${sql.ref(R)}.* FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
    WHERE ${query.where} ORDER BY ${query.order}`.execute(tx);
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`FETCH ${sql.raw(String(FETCH))} FROM yixiao_export`.execute(tx);
    if (rows.length === 0) break;
    const records = rows.map((row) => rowToRecord(scope.object, row));
    await attachDisplayNames(tx, scope, records);
    yield records.map((record) => query.columns.map((key) => displayValue(scope.object, key, record, locale, localTime)));
    if (rows.length < FETCH) break;
  }
  await sql`CLOSE yixiao_export`.execute(tx);
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SheetRow } from '../sheet.types';

/** An element of a PostgreSQL array literal: quoted, its quotes and backslashes escaped; NUL cannot be stored. */
const arrayElement = (cell: string) => `"${cell.replace(/\0/g, '').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
/** COPY's text format escapes backslashes and the characters that end a field or a row. */
const copyText = (text: string) => text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));

/** How many rows are gathered into one chunk of COPY data. */
const CHUNK_ROWS = 500;

/**
 * Streams a sheet's rows into import_rows with COPY: the file passes through in chunks and is never
 * held whole, and PostgreSQL takes the rows at COPY speed. Answers the number of rows staged.
 */
export async function stageRows(pool: pg.Pool, tenantId: string, jobId: string, rows: AsyncIterable<SheetRow>): Promise<number> {
  let count = 0;
  async function* lines() {
    let chunk = '';
    let inChunk = 0;
    for await (const row of rows) {
      chunk += `${tenantId}\t${jobId}\t${row.line}\t${copyText(`{${row.cells.map(arrayElement).join(',')}}`)}\n`;
      count++;
      if (++inChunk >= CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        inChunk = 0;
      }
    }
    if (chunk) yield chunk;
  }
  const client = await pool.connect();
  try {
    const copy = client.query(copyFrom('COPY import_rows (tenant_id, job_id, line, cells) FROM STDIN'));
    await pipeline(Readable.from(lines()), copy);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  client.release();
  return count;
}

import { rateAsPercent, type FileFormat, type TextEncoding } from '@yixiao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendSheet } from './download';
import { exportFileName } from './file-name';

type Label = { zh: string; en: string };

export interface TableExport {
  /** The sheet's and the file's name, and the plain-ASCII file name. */
  label: Label;
  asciiName: string;
  header: Label[];
  /** Cells as the page shows them (counts, exact amounts, rates as percentages); a label (合计) in the reader's language. */
  rows: (string | number | null | Label)[][];
  format: FileFormat;
  encoding: TextEncoding;
}

/**
 * A report's table as a sheet through the same writer as list exports (formula injection
 * neutralised, XLSX or CSV in either encoding): a report is already computed whole, a page's worth
 * of rows, so it is written from memory.
 */
export function sendTableExport(request: FastifyRequest, reply: FastifyReply, timeZone: string, table: TableExport) {
  const en = request.locale === 'en-US';
  const text = (cell: string | number | null | Label) => (cell === null ? '' : typeof cell === 'object' ? (en ? cell.en : cell.zh) : String(cell));
  return sendSheet(request, reply, {
    format: table.format, encoding: table.encoding, sheetName: en ? table.label.en : table.label.zh,
    file: exportFileName(table.label, table.asciiName, request.locale, timeZone, table.format),
  }, async (sheet) => {
    await sheet.writeRow(table.header.map(text));
    for (const row of table.rows) await sheet.writeRow(row.map(text));
  });
}

/** A rate as the report pages show it ("0.2500" → "25.00%"); no rate (nothing to divide by) is blank. */
export const percent = (rate: string | null) => (rate === null ? null : rateAsPercent(rate));

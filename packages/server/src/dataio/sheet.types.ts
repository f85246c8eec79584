import type { Readable, Writable } from 'node:stream';
import type { FileFormat, Locale, TextEncoding } from '@yixiao/core';

/**
 * The seams between the pieces of the import/export engine, so reading files, writing files and
 * running imports can be built and tested apart.
 *
 *   read/   openSheet(): a CSV (GB18030 / UTF-8) or XLSX upload, streamed, as a header and rows
 *   read/   planColumns(), makeRowConverter(): header → fields, a row's cells → record values or an error
 *   write/  openSheetWriter(): rows out as CSV (UTF-8 with BOM, or GB18030) or XLSX, streamed,
 *           every cell neutralised against formula injection
 *   import/ the job: rows staged in PostgreSQL, batches, duplicate modes, error report, undo, lock
 */

/** One data row of a sheet: the 1-based line (CSV) or row number (XLSX) it starts on, and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface SheetSource {
  header: string[];
  /** Data rows after the header, read as they are consumed (a 200 MB file is never held whole). */
  rows: AsyncIterable<SheetRow>;
  /** What the reader noticed and the user should know, in their language ("only the first sheet was read" …). */
  notices: string[];
}

export interface OpenSheetOptions {
  format: FileFormat;
  /** CSV only; a UTF-8 BOM overrides it (and says so in `notices`). */
  encoding: TextEncoding;
  locale: Locale;
}

/** Reads an upload; throws AppError (invalid …) in the user's language for files that are no sheet at all. */
export type OpenSheet = (input: Readable, options: OpenSheetOptions) => Promise<SheetSource>;

export interface SheetWriter {
  /** Cells are written as text; a cell starting with = + - @ or a tab / CR is neutralised. */
  writeRow(cells: readonly (string | null)[]): Promise<void>;
  end(): Promise<void>;
}

export interface SheetWriterOptions {
  format: FileFormat;
  /** CSV only: 'utf-8' is written with a BOM so Excel reads it. */
  encoding: TextEncoding;
  /** XLSX sheet name. */
  sheetName?: string;
  /** XLSX only: further sheets written after the first (e.g. a template's 注意事项), each a list of rows. */
  extraSheets?: { name: string; rows: string[][] }[];
}

export type OpenSheetWriter = (out: Writable, options: SheetWriterOptions) => SheetWriter;

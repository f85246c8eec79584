import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { OpenSheetWriter, SheetWriter, SheetWriterOptions } from '../sheet.types';
import { csvCell, neutraliseFormula, sheetName, XLSX_MAX_CELL } from './cells';

/** Rows of a sheet in XLSX; past it the rows go on in a further sheet that repeats the first row. */
export const XLSX_MAX_ROWS = 1_048_576;
/** CSV text is gathered up to this many characters before it is encoded and written. */
const CSV_CHUNK = 64 * 1024;

/**
 * Rows out as CSV (UTF-8 with BOM, or GB18030) or XLSX, streamed into `out`: memory stays flat
 * however many rows pass, and a slow reader slows the writer (each write waits while `out` asks to
 * drain). Every cell is neutralised against formula injection; in XLSX every cell is an inline
 * string, so nothing in an export is ever a number, a date or a formula to Excel.
 * `end()` finishes the file and ends `out`.
 */
export const openSheetWriter: OpenSheetWriter = (out, options) =>
  options.format === 'xlsx' ? xlsxWriter(out, options) : csvWriter(out, options);

/** Resolves on the first of `events`, removing every listener it added (it runs once per row). */
function either(out: Writable, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) out.off(event, done);
      resolve();
    };
    for (const event of events) out.once(event, done);
  });
}

/**
 * Writes and, when `out` says its buffer is full, waits for it to drain. The answer of write()
 * is the signal (not writableNeedDrain, which a response without a real socket, such as an
 * injected test request, never clears: the export would wait forever).
 */
async function writeDrained(out: Writable, bytes: Buffer): Promise<void> {
  if (out.destroyed) throw new Error('the output closed before the sheet was written');
  if (!out.write(bytes) && !out.destroyed) await either(out, ['drain', 'close']);
  if (out.destroyed) throw new Error('the output closed before the sheet was written');
}

function csvWriter(out: Writable, options: SheetWriterOptions): SheetWriter {
  const gb = options.encoding === 'gb18030';
  // Excel reads a UTF-8 CSV as the system code page unless it starts with a BOM.
  let text = gb ? '' : '\uFEFF';
  const flush = async () => {
    if (!text) return;
    const bytes = gb ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    text = '';
    await writeDrained(out, bytes);
  };
  return {
    async writeRow(cells) {
      text += cells.map((cell) => csvCell(cell ?? '')).join(',') + '\r\n';
      if (text.length >= CSV_CHUNK) await flush();
    },
    async end() {
      await flush();
      out.end();
      if (!out.writableFinished) await either(out, ['finish', 'close']);
    },
  };
}

/**
 * exceljs hands a sheet's XML to the ZIP compressor without waiting (its StreamBuf ignores
 * backpressure), so a sheet written faster than it is compressed would pile up in memory, tens of
 * megabytes per 100,000 rows. The compressor's input stream says when it is full: wait for it.
 */
async function zipped(sheet: ExcelJS.Worksheet): Promise<void> {
  // archiver's input is a readable-stream v2 PassThrough: no writableNeedDrain, but the same state.
  type Input = Writable & { _writableState?: { needDrain?: boolean } };
  const inputs = (sheet as unknown as { _stream?: { pipes?: Input[] } })._stream?.pipes ?? [];
  for (const input of inputs) if (input._writableState?.needDrain && !input.destroyed) await either(input, ['drain', 'close']);
}

function xlsxWriter(out: Writable, options: SheetWriterOptions): SheetWriter {
  // No shared strings and no styles: both would be held in memory until the end of the file.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  // archiver's readable-stream state: awaitDrain counts the pipe's writes waiting for 'drain'.
  const zip = (book as unknown as { zip: { _readableState?: { awaitDrain?: number } } }).zip;
  const name = sheetName(options.sheetName);
  const taken = new Set<string>();
  const addSheet = (wanted: string) => {
    let title = wanted;
    for (let n = 2; taken.has(title.toLowerCase()); n++) title = sheetName(`${wanted.slice(0, 25)} (${n})`);
    taken.add(title.toLowerCase());
    return book.addWorksheet(title);
  };
  // An inline rich-text run is written as <c t="inlineStr">: a plain string cell, never a formula.
  // Empty cells are left out of the file altogether.
  const cellsOf = (cells: readonly (string | null)[]) =>
    cells.map((cell) => (cell ? { richText: [{ text: neutraliseFormula(cell).slice(0, XLSX_MAX_CELL) }] } : null));

  let sheet = addSheet(name);
  let rowsInSheet = 0;
  let first: readonly (string | null)[] | undefined;
  const put = (target: ExcelJS.Worksheet, cells: readonly (string | null)[]) => target.addRow(cellsOf(cells)).commit();

  return {
    async writeRow(cells) {
      if (rowsInSheet === XLSX_MAX_ROWS) {
        sheet.commit();
        sheet = addSheet(name);
        rowsInSheet = 0;
        if (first) { put(sheet, first); rowsInSheet++; }
      }
      first ??= [...cells];
      put(sheet, cells);
      rowsInSheet++;
      await zipped(sheet);
      // exceljs pipes the ZIP into `out`; the pipe stops while a write() answered "full". Wait as
      // long as it does, so the rows' source slows down with the reader.
      while (zip._readableState?.awaitDrain && !out.destroyed) await either(out, ['drain', 'close']);
      if (out.destroyed) throw new Error('the output closed before the sheet was written');
    },
    async end() {
      sheet.commit();
      for (const extra of options.extraSheets ?? []) {
        const more = addSheet(sheetName(extra.name, 'Sheet2'));
        for (const row of extra.rows) put(more, row);
        more.commit();
      }
      const finished = out.writableFinished ? undefined : either(out, ['finish', 'close']);
      await book.commit();
      await finished;
    },
  };
}

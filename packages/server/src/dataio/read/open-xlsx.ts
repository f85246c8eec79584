import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import type { OpenSheetOptions, SheetRow, SheetSource } from '../sheet.types';
import { peek, sniff } from './peek';
import { sheetFromRows } from './sheet-rows';
import { cellText } from './xlsx-cells';
import './messages';

interface StreamedRow {
  number: number;
  cellCount: number;
  getCell(column: number): { value: unknown; numFmt?: string };
}

/** What the streaming reader knows of the workbook once xl/workbook.xml is read (not in exceljs' typings). */
interface ReaderModel {
  model?: { sheets?: { name: string }[] };
}

/** Rows handed on together, so the reader awaits once per batch rather than per row. */
const BATCH = 256;

/** Anything the zip or XML layer throws is a broken file, not a server fault. */
const broken = (e: unknown) => (e instanceof AppError ? e : invalid('dataio.read.not_xlsx'));

/**
 * An XLSX upload through exceljs' streaming reader: the first worksheet only (a notice says so when
 * there are more: at once when the workbook lists its sheets first, otherwise once the rows are
 * read through), shared strings cached, cell styles read so date cells are known as dates.
 */
export async function openXlsx(input: Readable, options: OpenSheetOptions): Promise<SheetSource> {
  const { sample, whole } = await peek(input, 8);
  if (sample.length === 0) throw invalid('dataio.read.empty_file');
  const kind = sniff(sample);
  if (kind === 'ole') throw invalid('dataio.read.xls_old');
  if (kind !== 'zip') throw invalid('dataio.read.not_xlsx');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(whole, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const sheets = (reader as unknown as AsyncIterable<AsyncIterable<StreamedRow> & { name: string }>)[Symbol.asyncIterator]();
  let first;
  try {
    first = await sheets.next();
  } catch (e) {
    throw broken(e);
  }
  if (first.done) throw invalid('dataio.read.no_sheet');
  const worksheet = first.value;
  const notices: string[] = [];
  const count = (reader as unknown as ReaderModel).model?.sheets?.length ?? 1;
  if (count > 1) notices.push(t(options.locale, 'dataio.read.first_sheet_only', { count, name: worksheet.name }));

  async function* rows(): AsyncGenerator<SheetRow[]> {
    try {
      let batch: SheetRow[] = [];
      for await (const row of worksheet) {
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) {
          const cell = row.getCell(column);
          cells.push(cellText(cell.value, cell.numFmt));
        }
        batch.push({ line: row.number, cells });
        if (batch.length === BATCH) { yield batch; batch = []; }
      }
      if (batch.length) yield batch;
      // Read the rest of the file through (other sheets are skipped unread) so the upload is consumed.
      let skipped = 0;
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) skipped++;
      // A workbook whose sheet list comes after its sheets is counted only now; the notice comes late but comes.
      if (skipped > 0 && notices.length === 0) notices.push(t(options.locale, 'dataio.read.first_sheet_only', { count: skipped + 1, name: worksheet.name }));
    } catch (e) {
      throw broken(e);
    }
  }
  return sheetFromRows(rows()[Symbol.asyncIterator](), notices);
}

import type { Readable } from 'node:stream';
import type { OpenSheet, OpenSheetOptions, SheetSource } from '../sheet.types';
import { openCsv } from './open-csv';
import { openXlsx } from './open-xlsx';

/**
 * Opens an upload as a header and a stream of rows (CSV in GB18030 or UTF-8, or XLSX), never
 * holding the file whole. Files that are no sheet at all (empty, header only, binary, blank or
 * repeated header names) are refused with a 400 in the user's language before any row is read.
 */
export const openSheet: OpenSheet = (input: Readable, options: OpenSheetOptions): Promise<SheetSource> =>
  options.format === 'xlsx' ? openXlsx(input, options) : openCsv(input, options);

import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { TextEncoding } from '@yixiao/core';
import { AppError, invalid } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import type { OpenSheetOptions, SheetRow, SheetSource } from '../sheet.types';
import { peek, sniff } from './peek';
import { sheetFromRows } from './sheet-rows';
import './messages';

const SAMPLE = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BREAKS = /\r\n|\r|\n/g;

/** Whether bytes are UTF-8 (a character cut at the sample's end is not held against it). */
function isUtf8(bytes: Buffer, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding to read with, from the user's choice and the first bytes: a UTF-8 BOM wins (and says
 * so); a choice the bytes contradict is refused rather than imported as mojibake.
 */
function chooseEncoding(sample: Buffer, complete: boolean, chosen: TextEncoding): { encoding: TextEncoding; bom: boolean } {
  if (sample.subarray(0, 3).equals(BOM)) return { encoding: 'utf-8', bom: true };
  const utf8 = isUtf8(sample, complete);
  if (chosen === 'utf-8' && !utf8) throw invalid('dataio.read.not_utf8');
  // Plain ASCII reads the same either way; non-ASCII text that is valid UTF-8 is almost never GB18030.
  if (chosen === 'gb18030' && utf8 && sample.some((b) => b >= 0x80)) throw invalid('dataio.read.looks_utf8');
  return { encoding: chosen, bom: false };
}

/** Bytes → text: UTF-8 strictly (a bad sequence later in the file stops the import), GB18030 through iconv-lite. */
async function* decode(bytes: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  let lines = 1;
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM
    try {
      for await (const chunk of bytes) {
        const text = decoder.decode(chunk, { stream: true });
        lines += text.match(BREAKS)?.length ?? 0;
        yield text;
      }
      yield decoder.decode();
    } catch (e) {
      if (e instanceof TypeError) throw invalid('dataio.read.bad_utf8_at', { line: lines });
      throw e;
    }
    return;
  }
  const decoder = iconv.getDecoder('gb18030');
  for await (const chunk of bytes) yield decoder.write(chunk);
  const tail = decoder.end();
  if (tail) yield tail;
}

/** Records with the line each starts on: one line per record plus the line breaks inside its quoted cells. */
async function* records(text: Readable): AsyncGenerator<SheetRow> {
  const parser = parse({ relax_column_count: true, relax_quotes: true, record_delimiter: ['\r\n', '\n', '\r'] });
  let line = 1;
  // pipeline() destroys the parser with the source's error (a bad UTF-8 sequence), so the loop below throws it.
  pipeline(text, parser, () => undefined);
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { line, cells };
      line += 1;
      for (const cell of cells) line += cell.match(BREAKS)?.length ?? 0;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const error = e as { code?: string; message?: string };
    if (error.code?.startsWith('CSV_')) throw invalid('dataio.read.bad_csv', { line, reason: error.code });
    throw e;
  }
}

/** A CSV upload in GB18030 or UTF-8 (BOM or not), streamed: quoted newlines, CRLF, ragged rows. */
export async function openCsv(input: Readable, options: OpenSheetOptions): Promise<SheetSource> {
  const { sample, whole, ended } = await peek(input, SAMPLE);
  const body = sample.subarray(0, 3).equals(BOM) ? sample.subarray(3) : sample;
  if (body.toString('latin1').trim() === '' && ended) throw invalid('dataio.read.empty_file');
  const kind = sniff(sample);
  if (kind === 'zip') throw invalid('dataio.read.xlsx_as_csv');
  if (kind === 'ole') throw invalid('dataio.read.xls_old');
  if (kind === 'utf16') throw invalid('dataio.read.utf16');
  if (kind === 'binary') throw invalid('dataio.read.binary');
  const { encoding, bom } = chooseEncoding(sample, ended, options.encoding);
  const notices = bom && options.encoding !== 'utf-8' ? [t(options.locale, 'dataio.read.bom_overrides')] : [];
  const text = Readable.from(decode(whole, encoding));
  return sheetFromRows(records(text)[Symbol.asyncIterator](), notices);
}

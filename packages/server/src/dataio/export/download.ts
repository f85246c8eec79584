import { FILE_FORMATS, TEXT_ENCODINGS, type FileFormat, type TextEncoding } from '@yixiao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SheetWriter } from '../sheet.types';
import { openSheetWriter } from '../write/open-sheet-writer';
import { attachmentHeader, type ExportFileName } from './file-name';

/** The query fields every export takes besides its list's own. */
export const exportFormatQuery = {
  format: z.enum(FILE_FORMATS).default('csv').describe('xlsx: an Excel workbook; csv: text (see encoding)'),
  encoding: z.enum(TEXT_ENCODINGS).default('utf-8')
    .describe('CSV only: utf-8 (with a BOM, so Excel reads it) or gb18030 (what Excel in Simplified Chinese reads without a BOM)'),
};

const CONTENT_TYPES: Record<FileFormat, (encoding: TextEncoding) => string> = {
  xlsx: () => 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: (encoding) => `text/csv; charset=${encoding === 'gb18030' ? 'GB18030' : 'utf-8'}`,
};

/**
 * Streams a download: the headers go out at once, then `produce` writes rows into the sheet as it
 * reads them. An error once bytes have gone cannot become an error response any more, so it is
 * logged and the connection cut: the browser shows a failed download, never a short file that
 * looks whole (a ZIP or CSV cut mid-way is what the user sees as failed).
 */
export async function sendSheet(
  request: FastifyRequest, reply: FastifyReply,
  options: { format: FileFormat; encoding: TextEncoding; file: ExportFileName; sheetName: string },
  produce: (sheet: SheetWriter) => Promise<void>,
): Promise<FastifyReply> {
  // The response is written here, not by Fastify's serializer.
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': CONTENT_TYPES[options.format](options.encoding),
    'content-disposition': attachmentHeader(options.file),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-request-id': request.id,
  });
  const sheet = openSheetWriter(out, { format: options.format, encoding: options.encoding, sheetName: options.sheetName });
  try {
    await produce(sheet);
    await sheet.end();
  } catch (error) {
    if (!out.destroyed) request.log.error({ err: error }, 'export failed mid-stream');
    out.destroy();
  }
  return reply;
}

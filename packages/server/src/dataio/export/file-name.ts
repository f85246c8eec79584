import type { FileFormat, Locale } from '@yixiao/core';
import { contentDisposition } from '../../platform/files/file-name';

/** Characters no file system or browser takes in a name (and quotes, which would end the header value). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

export interface ExportFileName {
  /** "销售线索-2026-11-27.xlsx": the list's name in the user's language. */
  name: string;
  /** "lead-2026-11-27.xlsx": for clients that read only the plain `filename=`. */
  ascii: string;
}

/** The day is the company's (Asia/Shanghai by default), not the server's. */
export function exportFileName(
  label: { zh: string; en: string }, asciiName: string, locale: Locale, timeZone: string, format: FileFormat, now = new Date(),
): ExportFileName {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const name = (locale === 'en-US' ? label.en : label.zh).replace(UNSAFE, ' ').trim().slice(0, 80) || asciiName;
  const ascii = asciiName.replace(/[^A-Za-z0-9_-]+/g, '-') || 'export';
  return { name: `${name}-${day}.${format}`, ascii: `${ascii}-${day}.${format}` };
}

/** Content-Disposition with the plain name as the fallback and the real one in RFC 5987 form, which browsers prefer. */
export const attachmentHeader = (file: ExportFileName): string => contentDisposition('attachment', file.name, file.ascii);

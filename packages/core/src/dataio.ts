/**
 * Shapes of the import / export API (导入 / 导出, §3.2.2, §3.3.2, §3.4.3, §3.5.3), shared by server
 * and web. One engine serves every record object; `:object` is an object key (lead, account, …).
 *
 *   GET    /api/v1/:object/import/template?format=csv|xlsx&target=records|pool
 *                                                            a template from the object's current fields
 *                                                            (required columns marked, a 注意事项 sheet / notes)
 *   GET    /api/v1/:object/import/rules?target=records|pool  ImportRules (required columns, 查重规则, notes);
 *                                                            a pool's have no owner column
 *   POST   /api/v1/:object/import                            multipart: file, mode, encoding, target
 *                                                            → 202 ImportJob; 409 import.busy with ImportBusy
 *   GET    /api/v1/imports?object=&page=&pageSize=           ImportJobPage (查看历史导入日志, newest first)
 *   GET    /api/v1/imports/:id                               ImportJob (poll for progress)
 *   POST   /api/v1/imports/:id/cancel                        ImportJob (stops after the batch in hand)
 *   GET    /api/v1/imports/:id/errors                        错误报告: the failed rows, original columns, first
 *                                                            column 错误提示, in the uploaded format/encoding
 *   POST   /api/v1/imports/:id/undo                          ImportUndoResult (撤销导入)
 *   GET    /api/v1/:object/export?format=&encoding=&view=&viewId=&filter=&columns=
 *                                                            the list as the user sees it, streamed
 */

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** CSV text encodings: GB18030 (what Excel saves in China) is the default; UTF-8 with or without BOM. */
export const TEXT_ENCODINGS = ['gb18030', 'utf-8'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * 数据重复时的操作方式: 'overwrite' 覆盖导入 (update duplicates, create the rest), 'skip' 不导入 (skip
 * duplicates, create the rest), 'overwriteOnly' 不导入新数据，仅覆盖重复数据 (update duplicates, create nothing).
 */
export const IMPORT_MODES = ['skip', 'overwrite', 'overwriteOnly'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Where imported records go: 'records' the ordinary list; 'pool' the object's pool (公海池, lead/account). */
export type ImportTarget = 'records' | 'pool';

export type ImportStatus =
  | 'parsing' // the upload is being read into the job's rows
  | 'queued'
  | 'running'
  | 'done'
  | 'failed' // the file could not be imported at all (error says why); nothing was written
  | 'cancelled' // stopped by the user; finished batches stay
  | 'interrupted' // the server stopped mid-import; finished batches stay, it resumes when a server runs
  | 'undone';

export interface ImportRules {
  object: string;
  /** Field labels (zh) of the columns a file must have. */
  requiredColumns: string[];
  /** Every column a file may have, in template order; a single select with its enabled options (the XLSX template's dropdown). */
  columns: { key: string; label: string; required: boolean; type: string; hint: string | null; options?: string[] }[];
  /** 查重规则 in force, in words (e.g. "手机 或 公司名称（模糊）"); null when duplicates are not checked. */
  dedupeRule: string | null;
  /** 注意事项, one per line, in the caller's language. */
  notes: string[];
}

export interface ImportJob {
  id: string;
  object: string;
  target: ImportTarget;
  fileName: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  mode: ImportMode;
  status: ImportStatus;
  /** Data rows in the file (known once parsing ends). */
  total: number | null;
  /** Rows finished (created + updated + skipped + failed). */
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Things said about the file: "UTF-8 BOM found, read as UTF-8", "only the first sheet was read" … */
  notices: string[];
  /** Why a failed import failed, in the caller's language. */
  error: string | null;
  startedBy: { id: string; name: string };
  startedAt: string;
  finishedAt: string | null;
  /** Rough end time while running (for "someone is importing until …"). */
  estimatedEnd: string | null;
  hasErrorReport: boolean;
  undoable: boolean;
}

export interface ImportJobPage {
  items: ImportJob[];
  total: number;
}

/** The 409 details when another import of the company is running (系统同一时间只能允许一个用户导入). */
export interface ImportBusy {
  jobId: string;
  userName: string;
  startedAt: string;
  estimatedEnd: string | null;
}

export interface ImportUndoResult {
  removed: number;
  restored: number;
  /** Records left as they are because they changed after the import, with why. */
  kept: { recordId: string; name: string | null; reason: string }[];
}

/**
 * A rate as the reports carry it (a fraction with four places, "0.2500") as the percentage they
 * show ("25.00%"), by moving the decimal point: no float arithmetic. Shared by the pages and their exports.
 */
export function rateAsPercent(rate: string): string {
  const negative = rate.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? rate.slice(1) : rate).split('.');
  const padded = fraction.padEnd(4, '0');
  const percentWhole = String(Number(`${whole}${padded.slice(0, 2)}`));
  return `${negative ? '-' : ''}${percentWhole}.${padded.slice(2, 4)}%`;
}

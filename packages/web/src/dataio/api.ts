import type { FileFormat, ImportJob, ImportJobPage, ImportMode, ImportRules, ImportTarget, ImportUndoResult, TextEncoding } from '@yixiao/core';
import { api, get, post } from '../api/client';

/** The import API of packages/core/src/dataio.ts, as the import screens use it. */
export interface StartImport {
  file: File;
  mode: ImportMode;
  /** CSV only. */
  encoding: TextEncoding;
  target: ImportTarget;
}

/** Statuses in which the job still moves: the dialog keeps polling. */
export const ACTIVE_STATUSES: ReadonlySet<ImportJob['status']> = new Set(['parsing', 'queued', 'running', 'interrupted']);

export const formatOf = (fileName: string): FileFormat | null => {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
};

export const importApi = {
  /** A pool's rules and template have no owner column: pooled records have none. */
  rules: (object: string, target: ImportTarget) => get<ImportRules>(`/api/v1/${object}/import/rules?target=${target}`),
  /** Downloads are plain links: the session cookie authenticates them, like 导出. */
  templateUrl: (object: string, format: FileFormat, target: ImportTarget) => `/api/v1/${object}/import/template?format=${format}&target=${target}`,
  start: (object: string, s: StartImport) => {
    // The fields go before the file: the server reads the multipart stream in order and needs them
    // to read the file as it arrives.
    const form = new FormData();
    form.append('mode', s.mode);
    form.append('encoding', s.encoding);
    form.append('target', s.target);
    form.append('file', s.file, s.file.name);
    return api<ImportJob>('POST', `/api/v1/${object}/import`, form);
  },
  jobs: (object: string, page: number, pageSize = 20) =>
    get<ImportJobPage>(`/api/v1/imports?${new URLSearchParams({ object, page: String(page), pageSize: String(pageSize) }).toString()}`),
  job: (id: string) => get<ImportJob>(`/api/v1/imports/${id}`),
  cancel: (id: string) => post<ImportJob>(`/api/v1/imports/${id}/cancel`),
  errorReportUrl: (id: string) => `/api/v1/imports/${id}/errors`,
  undo: (id: string) => post<ImportUndoResult>(`/api/v1/imports/${id}/undo`),
};

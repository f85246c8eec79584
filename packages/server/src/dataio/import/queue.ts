/** The pg-boss queue import jobs run on: data { tenantId, jobId }. */
export const IMPORT_QUEUE = 'dataio-import';

export interface ImportJobData {
  tenantId: string;
  jobId: string;
}

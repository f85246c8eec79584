import type { Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { shownStatus, type JobRow } from './job-view';
import { loadVisibleJob } from './jobs-access';

/**
 * 取消: a job nobody is running stops at once; a running one stops after the batch in hand (the
 * runner reads the flag between batches). Finished batches stay: 撤销导入 takes them back.
 */
export async function cancelImport(tx: Tx, auth: AuthContext, id: string): Promise<JobRow> {
  const job = await loadVisibleJob(tx, auth, id, true);
  const status = shownStatus(job);
  const update = tx.updateTable('import_jobs').where('tenant_id', '=', auth.tenantId).where('id', '=', id);
  if (status === 'queued' || status === 'interrupted') {
    return update.set({ status: 'cancelled', cancel_requested: true, runner: null, finished_at: new Date() }).returningAll().executeTakeFirstOrThrow();
  }
  if (status === 'running' || status === 'parsing') return update.set({ cancel_requested: true }).returningAll().executeTakeFirstOrThrow();
  throw new AppError(409, 'import.not_active', 'import.not_active');
}

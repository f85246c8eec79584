import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { IMPORT_QUEUE } from './queue';
import { staleSeconds } from './job-view';

const stale = () => sql<Date>`now() - make_interval(secs => ${staleSeconds()})`;

/**
 * Finds imports whose process stopped beating. An upload cut off mid-file cannot go on (the file
 * went with the process): it fails, its staged rows go, and the company's import slot is free again.
 * A queued or running job shows as interrupted and is queued again: whichever server takes it
 * resumes from its cursor. Safe to run in every process at once (each row moves once).
 */
export async function sweepImports(db: Db, jobs: Jobs): Promise<void> {
  const dead = await db.updateTable('import_jobs')
    .set({ status: 'failed', error: JSON.stringify({ key: 'import.upload_interrupted' }), finished_at: new Date() })
    .where('status', '=', 'parsing').where('heartbeat_at', '<', stale()).returning(['tenant_id', 'id']).execute();
  for (const job of dead) await db.deleteFrom('import_rows').where('tenant_id', '=', job.tenant_id).where('job_id', '=', job.id).execute();
  await db.transaction().execute(async (tx) => {
    const interrupted = await tx.updateTable('import_jobs').set({ status: 'interrupted', runner: null, heartbeat_at: new Date() })
      .where('status', 'in', ['queued', 'running', 'interrupted']).where('heartbeat_at', '<', stale())
      .returning(['tenant_id', 'id']).execute();
    for (const job of interrupted) await jobs.send(IMPORT_QUEUE, { tenantId: job.tenant_id, jobId: job.id }, { tx });
  });
}

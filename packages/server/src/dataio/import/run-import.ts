import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { POOL_OBJECTS } from '@yixiao/core';
import type { Db } from '../../db/database';
import type { StoredMessage } from '../../db/schema-imports';
import { loadRules } from '../../dedupe/rules';
import { loadObject } from '../../metadata/registry';
import { sendAssignedNotices } from '../../objects/pool/enter-pool';
import { loadPrincipal } from '../../platform/auth/context';
import { openScope } from '../../records/scope';
import { planColumns } from '../read/columns';
import { makeRowConverter } from '../read/convert';
import { keptOnOverwrite } from '../read/object-rules';
import { reasonOf } from './apply-engine';
import { draftRows, makeDrafter } from './draft-create';
import { poolDefaults } from './pool-entry';
import { runBatch, type BatchContext } from './batch';
import { reportPhases, timed } from './phases';
import { heartbeatMs, staleSeconds, type JobRow } from './job-view';

/** Rows per batch: one transaction each. Large enough for set-based SQL to pay, small enough to lose little on a crash. */
export const BATCH_ROWS = Number(process.env.YIXIAO_IMPORT_BATCH_ROWS ?? 1000);

/** Thrown inside a batch's transaction when another runner owns the job: the batch rolls back whole. */
class LostJob extends Error {}

interface Logger {
  error(obj: object, msg?: string): void;
}

/**
 * Takes a job to run: a queued one, an interrupted one, or a running one whose runner stopped
 * beating (its process died). Answers null when someone else is running it or it is finished.
 */
async function claim(db: Db, tenantId: string, jobId: string, runner: string): Promise<JobRow | null> {
  const row = await db.updateTable('import_jobs').set({ status: 'running', runner, heartbeat_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', '=', jobId)
    .where((eb) => eb.or([
      eb('status', 'in', ['queued', 'interrupted']),
      eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds()})`)]),
    ]))
    .returningAll().executeTakeFirst();
  return row ?? null;
}

/**
 * The job's end. Its staged rows go too, but for the failed ones its 错误报告 shows: the rest were
 * imported (undo reads import_changes) or, cancelled, never will be; a million-row file would
 * otherwise stay in the database for good.
 */
async function finish(db: Db, job: JobRow, runner: string, status: 'done' | 'cancelled' | 'failed', error: StoredMessage | null = null) {
  await db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('import_jobs').set({ status, error: error ? JSON.stringify(error) : null, finished_at: new Date(), runner: null })
      .where('tenant_id', '=', job.tenant_id).where('id', '=', job.id).where('runner', '=', runner).returning('assigned').executeTakeFirst();
    if (!row) return;
    // Each user the pool's rules gave records to hears once, however many batches it took.
    if (Object.keys(row.assigned).length) await sendAssignedNotices(tx, job.tenant_id, await loadObject(tx, job.tenant_id, job.object), row.assigned);
    // In the same transaction: a job shows as ended only once its staged rows are gone.
    await tx.deleteFrom('import_rows').where('tenant_id', '=', job.tenant_id).where('job_id', '=', job.id)
      .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '<>', 'failed')])).execute();
  });
}

/** This process is closing: the job waits, interrupted, for the next runner. */
async function release(db: Db, job: JobRow, runner: string) {
  await db.updateTable('import_jobs').set({ status: 'interrupted', runner: null })
    .where('tenant_id', '=', job.tenant_id).where('id', '=', job.id).where('runner', '=', runner).execute();
}

/**
 * Runs (or resumes) one import: batches in line order from the job's cursor, each one transaction
 * (records, changes, outcomes, counts, cursor, heartbeat), the cancel flag read between batches.
 * A process killed mid-batch leaves that batch unapplied and the cursor at the last commit; the
 * sweep (sweep.ts) queues the job again and the next runner goes on from there.
 */
export async function runImport(db: Db, tenantId: string, jobId: string, log: Logger, stop?: AbortSignal): Promise<void> {
  const runner = randomUUID();
  const job = await claim(db, tenantId, jobId, runner);
  if (!job) return;
  const beat = setInterval(() => {
    void db.updateTable('import_jobs').set({ heartbeat_at: new Date() })
      .where('tenant_id', '=', tenantId).where('id', '=', jobId).where('runner', '=', runner).execute().catch(() => {});
  }, heartbeatMs());
  try {
    const principal = await loadPrincipal(db, tenantId, job.started_by);
    if (!principal) return await finish(db, job, runner, 'failed', { key: 'import.starter_gone' });
    const auth = { ...principal, via: 'session' as const };
    const scope = await openScope(db, auth, job.object);
    const pooled = (POOL_OBJECTS as readonly string[]).includes(job.object);
    const planned = planColumns(scope.object, job.header, auth.locale, job.target);
    // A pool object's row naming no owner is not wrong: the record goes to its 所属公海 group.
    const plan = pooled ? { ...planned, columns: planned.columns.map((c) => (c.field.key === 'ownerId' ? { ...c, field: { ...c.field, required: false } } : c)) } : planned;
    const write = { kept: new Set(keptOnOverwrite(scope.object)), pooled, target: job.target };
    const pool = pooled ? await poolDefaults(db, scope) : null;
    const ctx: BatchContext = {
      tenantId, jobId, runner, mode: job.mode, scope,
      rules: await loadRules(db, tenantId, scope.object),
      write,
      convert: makeRowConverter(db, scope, plan, { locale: auth.locale, format: job.format }),
      draft: makeDrafter(scope, write, pool),
      pool,
      assigned: job.assigned,
    };
    // The next batch's rows are read (and converted, when no column names records of the object
    // being imported, which earlier batches may create) while this batch's transaction runs: the
    // database and this process work at the same time. A batch cut short makes the guess wrong and
    // the rows are read again from the real cursor.
    const convertAhead = !plan.columns.some((c) => c.field.type === 'lookup' && c.field.lookup === scope.object.key);
    const prepare = (after: number) => {
      const ready = (async () => {
        const rows = await timed('read staged', () => db.selectFrom('import_rows').select(['line', 'cells'])
          .where('tenant_id', '=', tenantId).where('job_id', '=', jobId).where('line', '>', after)
          .orderBy('line').limit(BATCH_ROWS).execute());
        if (!convertAhead || !rows.length) return { after, rows };
        const converted = await timed('convert', () => ctx.convert(rows));
        // The rows to create, drafted too (validated, search text), while the database works.
        const drafted = await timed('draft', () => draftRows(ctx.draft, converted));
        return { after, rows, ahead: { converted, drafted } };
      })();
      ready.catch(() => {}); // awaited (and its error thrown) when used; unused, it is dropped
      return ready;
    };
    let cursor = job.cursor;
    let cancel = job.cancel_requested;
    let ahead = prepare(cursor);
    for (;;) {
      if (cancel) return await finish(db, job, runner, 'cancelled');
      if (stop?.aborted) return await release(db, job, runner);
      let batch = await ahead;
      if (batch.after !== cursor) batch = await prepare(cursor);
      const { rows } = batch;
      if (!rows.length) return await finish(db, job, runner, 'done');
      ahead = prepare(rows.at(-1)!.line);
      const outcome = await timed('batch transaction', () => db.transaction().execute(async (tx) => {
        const result = await runBatch(tx, ctx, rows, cursor, 'ahead' in batch ? batch.ahead : undefined);
        if (!result) throw new LostJob();
        return result;
      }));
      cursor = outcome.cursor;
      cancel = outcome.cancelRequested;
      ctx.assigned = outcome.assigned;
    }
  } catch (error) {
    if (error instanceof LostJob) return;
    log.error({ err: error, jobId }, 'import failed');
    await finish(db, job, runner, 'failed', reasonOf(error));
  } finally {
    clearInterval(beat);
    reportPhases(jobId);
  }
}

import { sql } from 'kysely';
import type { ImportMode } from '@yixiao/core';
import type { AssignedTally } from '../../objects/pool/enter-pool';
import type { Tx } from '../../db/database';
import type { DedupeRules } from '../../dedupe/rules';
import type { RecordScope } from '../../records/scope';
import type { ConvertBatch, ConvertedRow } from '../read/convert';
import type { SheetRow } from '../sheet.types';
import { applyThroughEngine, type RowResult, type WriteRules } from './apply-engine';
import { applySetBased, setBasedSupported, type BatchWrites } from './apply-set';
import type { Drafted, Drafter } from './draft-create';
import type { PoolDefaults } from './pool-entry';
import { decide, independentPrefix, type Decision } from './decide';
import { matchDuplicates } from './match-duplicates';
import { timed } from './phases';

export interface BatchContext {
  tenantId: string;
  jobId: string;
  runner: string;
  mode: ImportMode;
  scope: RecordScope;
  rules: DedupeRules;
  write: WriteRules;
  convert: ConvertBatch;
  draft: Drafter;
  pool: PoolDefaults | null;
  /** Who the pool's rules gave records to so far (committed batches only): see finish(). */
  assigned: AssignedTally;
}

export interface BatchOutcome {
  /** The last line this batch finished (rows after a cut wait for the next batch). */
  cursor: number;
  counts: { created: number; updated: number; skipped: number; failed: number };
  cancelRequested: boolean;
  assigned: AssignedTally;
}

/**
 * One batch, in the caller's transaction: convert the rows (unless the runner converted them
 * ahead), find their duplicates for the whole batch at once, decide each by the mode, write the
 * records, then record every row's outcome, the changes undo needs, the counts and the cursor on
 * the job. The job's row is updated only while this runner still owns the job at the cursor it
 * started from, so a second runner (one that took over a job it thought abandoned) cannot apply
 * the same rows twice: its batch rolls back whole.
 */
export async function runBatch(tx: Tx, ctx: BatchContext, rows: SheetRow[], fromCursor: number, ahead?: { converted: ConvertedRow[]; drafted: Map<number, Drafted> }): Promise<BatchOutcome | null> {
  const converted = ahead?.converted ?? await timed('convert', () => ctx.convert(rows));
  const valid = converted.flatMap((c, ord) => ('values' in c ? [{ ord, values: c.values }] : []));
  const matches = await timed('match duplicates', () => matchDuplicates(tx, ctx.scope, ctx.rules, valid));
  // Rows up to the first one that duplicates an earlier row of the batch run now; the rest wait.
  const cutAt = independentPrefix(valid.map((v) => v.ord), matches);
  const lastOrd = cutAt < valid.length ? valid[cutAt]!.ord : rows.length;
  const decisions: Decision[] = [];
  for (let ord = 0; ord < lastOrd; ord++) {
    const c = converted[ord]!;
    const line = rows[ord]!.line;
    decisions.push('values' in c ? decide(ctx.mode, line, c.values, matches.matches.get(ord) ?? []) : { line, kind: 'failed', reason: { key: 'import.text', params: { text: c.error } } });
  }

  const writes: BatchWrites = { assigned: structuredClone(ctx.assigned), draft: ctx.draft, drafted: ahead?.drafted, pool: ctx.pool };
  const results: RowResult[] = await timed('apply', () => (setBasedSupported(ctx.scope.object.key) ? applyTogether(tx, ctx, decisions, writes) : applyEach(tx, ctx, decisions)));
  const { assigned } = writes;
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const r of results) counts[r.outcome]++;
  const cursor = results.length ? results.at(-1)!.line : fromCursor;

  // Rows written are known by import_changes; only the others get an outcome here (the error report
  // reads the failed ones), which spares rewriting every staged row of a large import.
  const unwritten = results.filter((r) => !r.change);
  if (unwritten.length) {
    await timed('outcomes', () => sql`UPDATE import_rows AS i SET outcome = u.outcome, error = u.error
      FROM unnest(${unwritten.map((r) => r.line)}::int[], ${unwritten.map((r) => r.outcome)}::text[], ${unwritten.map((r) => (r.error ? JSON.stringify(r.error) : null))}::jsonb[]) AS u(line, outcome, error)
      WHERE i.tenant_id = ${ctx.tenantId}::uuid AND i.job_id = ${ctx.jobId}::uuid AND i.line = u.line`.execute(tx));
  }
  const changes = results.filter((r) => r.change);
  if (changes.length) {
    await timed('changes', () => sql`INSERT INTO import_changes (tenant_id, job_id, record_id, line, kind, previous, version)
      SELECT ${ctx.tenantId}::uuid, ${ctx.jobId}::uuid, c.record_id, c.line, c.kind, c.previous, c.version
      FROM unnest(${changes.map((r) => r.change!.recordId)}::uuid[], ${changes.map((r) => r.line)}::int[], ${changes.map((r) => r.change!.kind)}::text[],
        ${changes.map((r) => (r.change!.previous ? JSON.stringify(r.change!.previous) : null))}::jsonb[], ${changes.map((r) => r.change!.version)}::int[])
        AS c(record_id, line, kind, previous, version)`.execute(tx));
  }
  const job = await tx.updateTable('import_jobs').set((eb) => ({
    cursor,
    processed: eb('processed', '+', results.length),
    created: eb('created', '+', counts.created),
    updated: eb('updated', '+', counts.updated),
    skipped: eb('skipped', '+', counts.skipped),
    failed: eb('failed', '+', counts.failed),
    heartbeat_at: new Date(),
    assigned: JSON.stringify(assigned),
  })).where('tenant_id', '=', ctx.tenantId).where('id', '=', ctx.jobId).where('runner', '=', ctx.runner).where('cursor', '=', fromCursor)
    .where('status', '=', 'running').returning('cancel_requested').executeTakeFirst();
  if (!job) return null;
  return { cursor, counts, cancelRequested: job.cancel_requested, assigned };
}

/**
 * Set-based first; when a statement of it fails (a constraint the metadata does not know of), the
 * batch's writes roll back to the savepoint and go again row by row, so only the offending rows fail.
 */
async function applyTogether(tx: Tx, ctx: BatchContext, decisions: Decision[], writes: BatchWrites): Promise<RowResult[]> {
  await sql`SAVEPOINT import_batch`.execute(tx);
  try {
    const results = await applySetBased(tx, ctx.scope, ctx.write, decisions, writes);
    await sql`RELEASE SAVEPOINT import_batch`.execute(tx);
    return results;
  } catch {
    await sql`ROLLBACK TO SAVEPOINT import_batch`.execute(tx);
    // Row by row, each assignment is the engine's own (with its own notice): forget the set-based ones.
    writes.assigned = structuredClone(ctx.assigned);
    return applyEach(tx, ctx, decisions);
  }
}

async function applyEach(tx: Tx, ctx: BatchContext, decisions: Decision[]): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const d of decisions) results.push(await applyThroughEngine(tx, ctx.scope, ctx.write, d));
  return results;
}

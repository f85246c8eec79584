import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/database';
import { CUSTOM_CAST } from '../../records/sql-ref';
import type { Jobs } from '../../platform/jobs/jobs';
import { standardObject } from '../objects';
import { CUSTOM_KEY } from './field.types';
import { INDEXABLE } from './field-rules';
import type { StoredSettings } from './field-rows';

/**
 * Expression indexes for custom fields that lists filter or sort on (the field's "indexed" flag).
 *
 * Why opt-in rather than one per new field: the object tables are shared by every company, so an
 * index on one company's field must be partial (WHERE tenant_id = …) — a cast such as ::numeric
 * over another company's same-named text field would otherwise fail their writes. Every partial
 * index costs each insert and update of the table a predicate check and each list query a little
 * planning, for all companies; thousands of them would slow everyone. Equality on any custom
 * field is already served by the table's GIN index on `custom`, and most custom fields are read
 * on the detail page only. So the administrator marks the few fields lists really filter and sort
 * on. Dates and date-times are not indexable here: text → date casts are not immutable.
 *
 * CREATE INDEX CONCURRENTLY cannot run in a transaction and must not block writes, so the change
 * queues a job (inside its transaction: no commit, no job) and the job reconciles the index with
 * the field's settings after commit: created when wanted, dropped when not, rebuilt when a
 * previous attempt left it invalid.
 */
export const CUSTOM_INDEX_QUEUE = 'metadata.custom-index';

export interface CustomIndexJob {
  tenantId: string;
  object: string;
  key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A short, stable name (identifiers stop at 63 bytes); the table's name keeps it readable in \di. */
export const customIndexName = (table: string, job: CustomIndexJob) =>
  `${table}_cf_${createHash('sha256').update(`${job.tenantId}:${job.object}:${job.key}`).digest('hex').slice(0, 16)}`;

export function defineCustomIndexJobs(jobs: Jobs, db: Db): void {
  jobs.work<CustomIndexJob>(CUSTOM_INDEX_QUEUE, (job) => reconcileCustomIndex(db, job), { retryLimit: 3, expireInSeconds: 3600 });
}

/** Queues the reconciliation inside the change's transaction: it runs only if the change commits. */
export async function queueCustomIndex(jobs: Jobs, tx: DbOrTx, job: CustomIndexJob): Promise<void> {
  await jobs.send<CustomIndexJob>(CUSTOM_INDEX_QUEUE, job, { tx });
}

/** Makes the index match the field's current settings; safe to run twice or out of order. */
export async function reconcileCustomIndex(db: Db, job: CustomIndexJob): Promise<void> {
  const object = standardObject(job.object);
  // Identifiers and the tenant literal go into DDL (no parameters there): only checked shapes pass.
  if (!object || !UUID.test(job.tenantId) || !CUSTOM_KEY.test(job.key)) return;
  const row = await db.selectFrom('field_settings').select('settings')
    .where('tenant_id', '=', job.tenantId).where('object', '=', job.object).where('field_key', '=', job.key).where('custom', '=', true)
    .executeTakeFirst();
  const settings = row?.settings as StoredSettings | undefined;
  const name = customIndexName(object.table, job);
  const wanted = settings?.indexed === true && !settings.retired && settings.type !== undefined && INDEXABLE.has(settings.type);
  const existing = await sql<{ valid: boolean }>`SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname = ${name} AND c.relnamespace = current_schema()::regnamespace`.execute(db);
  const present = existing.rows[0];
  if (present && (!wanted || !present.valid)) await sql`DROP INDEX CONCURRENTLY IF EXISTS ${sql.id(name)}`.execute(db);
  if (!wanted || present?.valid) return;
  const cast = CUSTOM_CAST[settings.type!];
  // The same expression as records/sql-ref.ts fieldRef, or the planner would not match the index.
  const value = sql`(custom ->> ${sql.lit(job.key)})`;
  const expression = cast ? sql`${value}::${sql.raw(cast)}` : value;
  await sql`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${sql.id(name)} ON ${sql.table(object.table)} ((${expression}) NULLS FIRST, id)
    WHERE tenant_id = ${sql.lit(job.tenantId)}::uuid`.execute(db);
}

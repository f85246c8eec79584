import type { Selectable } from 'kysely';
import type { ImportJob, ImportStatus, Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { ImportJobsTable, StoredMessage } from '../../db/schema-imports';
import '../../db/schema-imports';
import { t } from '../../platform/i18n/messages';
import './messages';

export type JobRow = Selectable<ImportJobsTable>;

/** Statuses that hold the company's one import slot (the partial unique index of 0018_imports.sql). */
export const ACTIVE_STATUSES: ImportStatus[] = ['parsing', 'queued', 'running', 'interrupted'];

/**
 * How long a job's worker may stay silent before the job counts as interrupted (its process died).
 * Workers beat every few seconds; tests shorten it to see a resume without waiting.
 */
export const staleSeconds = () => Number(process.env.YIXIAO_IMPORT_STALE_SECONDS ?? 30);

/** How often a running upload or import says it is alive: well within the staleness, so a busy process is never taken for a dead one. */
export const heartbeatMs = () => Math.min(2_000, staleSeconds() * 250);

export const render = (locale: Locale, message: StoredMessage) => t(locale, message.key, message.params ?? {});

const isStale = (row: JobRow) => Date.now() - row.heartbeat_at.getTime() > staleSeconds() * 1000;

/** A queued or running job nobody has beaten for a while is shown as interrupted before the sweep says so. */
export function shownStatus(row: JobRow): ImportStatus {
  if ((row.status === 'running' || row.status === 'queued') && isStale(row)) return 'interrupted';
  return row.status;
}

/** The rough end time, from the pace so far; null until there is a pace to go by. */
export function estimatedEnd(row: JobRow): Date | null {
  if (!ACTIVE_STATUSES.includes(row.status) || row.total == null || row.processed === 0) return null;
  const elapsed = Date.now() - row.started_at.getTime();
  return new Date(Date.now() + (elapsed / row.processed) * (row.total - row.processed));
}

export function toImportJob(row: JobRow, starterName: string, locale: Locale): ImportJob {
  return {
    id: row.id, object: row.object, target: row.target, fileName: row.file_name, format: row.format, encoding: row.encoding,
    mode: row.mode, status: shownStatus(row), total: row.total, processed: row.processed,
    created: row.created, updated: row.updated, skipped: row.skipped, failed: row.failed,
    notices: row.notices.map((n) => render(locale, n)),
    error: row.error ? render(locale, row.error) : null,
    startedBy: { id: row.started_by, name: starterName },
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    estimatedEnd: estimatedEnd(row)?.toISOString() ?? null,
    hasErrorReport: row.failed > 0,
    undoable: (row.status === 'done' || row.status === 'cancelled') && row.created + row.updated > 0,
  };
}

/** Jobs with their starters' names, as the API shows them. */
export async function loadJobViews(db: DbOrTx, tenantId: string, rows: JobRow[], locale: Locale): Promise<ImportJob[]> {
  const ids = [...new Set(rows.map((r) => r.started_by))];
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute() : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => toImportJob(r, names.get(r.started_by) ?? '', locale));
}

import { sql } from 'kysely';
import type { ImportUndoResult } from '@yixiao/core';
import type { Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { diffFields } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import { hooksOf } from '../../records/hooks';
import { openScope, type RecordScope } from '../../records/scope';
import { searchText } from '../../records/search-text';
import { rowToRecord } from '../../records/values';
import { auditRecord, columnValue } from '../../records/write-helpers';
import { reasonOf } from './apply-engine';
import { render } from './job-view';
import { loadVisibleJob } from './jobs-access';

interface ChangedRecord {
  record_id: string;
  /** What the import first did to it: created it, or overwrote it (then `previous` holds the values before). */
  first_kind: 'created' | 'updated';
  previous: Record<string, unknown> | null;
  /** The version the import's last write left. */
  version: number;
}

/**
 * 撤销导入: records the import created are removed and records it overwrote get their previous
 * values back, in one transaction, but only where the record is still as the import left it (its
 * version is the one the import wrote). Every other record is listed in `kept` with why, never
 * skipped silently. Acts for the import, like the import itself: a record auto-assigned to someone
 * else is still the import's to take back.
 */
export async function undoImport(tx: Tx, auth: AuthContext, id: string): Promise<ImportUndoResult> {
  const job = await loadVisibleJob(tx, auth, id, true);
  if (job.status !== 'done' && job.status !== 'cancelled') throw new AppError(409, 'import.not_undoable', 'import.not_undoable');
  const scope = await openScope(tx, auth, job.object);
  const { object } = scope;
  const changes = (await sql<ChangedRecord>`
    SELECT record_id, (array_agg(kind ORDER BY line))[1] AS first_kind, (array_agg(previous ORDER BY line))[1] AS previous,
      (array_agg(version ORDER BY line DESC))[1] AS version
    FROM import_changes WHERE tenant_id = ${auth.tenantId}::uuid AND job_id = ${id}::uuid GROUP BY record_id`.execute(tx)).rows;
  const ids = changes.map((c) => c.record_id);
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(object.table)}
    WHERE tenant_id = ${auth.tenantId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`.execute(tx);
  const current = new Map(rows.map((r) => [r.id as string, r]));
  const nameColumn = object.field(object.nameField)?.column ?? 'id';
  const result: ImportUndoResult = { removed: 0, restored: 0, kept: [] };
  const keep = (recordId: string, name: unknown, key: string, params: Record<string, string | number> = {}) =>
    result.kept.push({ recordId, name: typeof name === 'string' ? name : null, reason: t(auth.locale, key, params) });

  for (const change of changes) {
    const row = current.get(change.record_id);
    if (!row) { keep(change.record_id, null, 'import.undo.gone'); continue; }
    if (row.version !== change.version) { keep(change.record_id, row[nameColumn], 'import.undo.changed'); continue; }
    await sql`SAVEPOINT undo_record`.execute(tx);
    try {
      if (change.first_kind === 'created') await removeRecord(tx, scope, row);
      else await restoreRecord(tx, scope, row, change.previous ?? {});
      await sql`RELEASE SAVEPOINT undo_record`.execute(tx);
      if (change.first_kind === 'created') result.removed++;
      else result.restored++;
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT undo_record`.execute(tx);
      const e = error as { code?: string; table?: string };
      if (e.code === '23503') keep(change.record_id, row[nameColumn], 'import.undo.referenced', { detail: e.table ?? '' });
      else keep(change.record_id, row[nameColumn], 'import.text', { text: render(auth.locale, reasonOf(error)) });
    }
  }
  await tx.updateTable('import_jobs').set({ status: 'undone' }).where('tenant_id', '=', auth.tenantId).where('id', '=', id).execute();
  return result;
}

async function removeRecord(tx: Tx, scope: RecordScope, row: Record<string, unknown>) {
  const { object, auth } = scope;
  const id = row.id as string;
  const before = rowToRecord(object, row);
  await sql`DELETE FROM ${sql.table(object.table)} WHERE tenant_id = ${auth.tenantId}::uuid AND id = ${id}::uuid`.execute(tx);
  await tx.deleteFrom('record_team_members').where('tenant_id', '=', auth.tenantId).where('object', '=', object.key).where('record_id', '=', id).execute();
  await tx.deleteFrom('record_files').where('tenant_id', '=', auth.tenantId).where('object', '=', object.key).where('record_id', '=', id).execute();
  for (const h of hooksOf(object.key)) await h.afterDelete?.(tx, scope, row);
  await auditRecord(tx, scope, id, 'import_undo', Object.entries(before).filter(([k, v]) => v !== null && k !== 'id' && k !== 'version').map(([field, old]) => ({ field, old, new: null })));
}

/** Writes the values from before the import back, as they were stored (no validation: they were valid then). */
async function restoreRecord(tx: Tx, scope: RecordScope, row: Record<string, unknown>, previous: Record<string, unknown>) {
  const { object, auth } = scope;
  const before = rowToRecord(object, row);
  const fields = Object.keys(previous).map((k) => object.field(k)).filter((f) => f !== undefined);
  const after = { ...before, ...previous };
  const changes = diffFields(before, after, fields.map((f) => f.key));
  if (!changes.length) return;
  const sets = fields.filter((f) => f.column).map((f) => sql`${sql.ref(f.column!)} = ${columnValue(f, previous[f.key] ?? null)}`);
  const patch: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const f of fields) {
    if (f.column) continue;
    if (previous[f.key] == null) removed.push(f.key);
    else patch[f.key] = previous[f.key];
  }
  sets.push(
    sql`custom = (custom || ${JSON.stringify(patch)}::jsonb) - ${removed}::text[]`,
    sql`search_text = ${searchText(object, after)}`,
    sql`version = version + 1`, sql`updated_by = ${auth.userId}::uuid`, sql`updated_at = now()`,
  );
  await sql`UPDATE ${sql.table(object.table)} SET ${sql.join(sets)} WHERE tenant_id = ${auth.tenantId}::uuid AND id = ${row.id as string}::uuid`.execute(tx);
  await auditRecord(tx, scope, row.id as string, 'import_undo', changes);
}

import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { AppError, invalid } from '../../platform/http/errors';
import { deleteRecord } from '../../records/delete-record';
import { attachDisplayNames } from '../../records/display';
import { findRow } from '../../records/read';
import { openScope, type RecordScope } from '../../records/scope';
import { updateRecord } from '../../records/update-record';
import { rowToRecord } from '../../records/values';
import { auditRecord } from '../../records/write-helpers';
import { mergeableFields } from './mergeable';
import type { MergeInput, MergeResult } from './merge.types';
import { moveRelated } from './merge-moves';
import { accountRelations } from './related';
import { countRelated } from './related-counts';
import './messages';

type Row = Record<string, unknown> & { id: string; name: string; version: number; owner_id: string | null; created_at: Date; created_by: string | null };

/**
 * 合并客户 (§3.5.10), in the caller's transaction: every account must be one the caller manages and
 * unchanged since they read it. Everything hanging on the others moves to the master, which keeps the
 * chosen field values and the earliest creation date; the others are deleted. The operation log
 * names what was merged; related-record counts are checked before and after, so a merge that would
 * lose or duplicate anything undoes itself.
 */
export async function mergeAccounts(tx: Tx, auth: AuthContext, input: MergeInput, requestId?: string): Promise<MergeResult> {
  const masterId = input.masterId.toLowerCase();
  const otherIds = input.otherIds.map((id) => id.toLowerCase());
  const ids = [masterId, ...otherIds];
  if (otherIds.length === 0 || new Set(ids).size !== ids.length) throw invalid('account.merge.need_two');
  const scope = await openScope(tx, auth, 'account', requestId);
  const values = chosenValues(scope, input.values);
  const rows = await lockInIdOrder(tx, scope, ids);
  checkVersions(rows, input.versions);
  const master = rows.get(masterId)!;
  const others = otherIds.map((id) => rows.get(id)!);

  const { tenantId } = auth;
  const relations = await accountRelations(tx, tenantId);
  const expected = await countRelated(tx, tenantId, relations, ids, master.owner_id);
  const masterBefore = await countRelated(tx, tenantId, relations, [masterId], master.owner_id);
  await moveRelated(tx, scope, relations, masterId, otherIds, master.owner_id);
  for (const other of others) {
    await auditRecord(tx, scope, other.id, 'merge', [{ field: 'mergedInto', old: null, new: { id: masterId, excerpt: master.name } }]);
    await deleteRecord(tx, scope, other.id);
  }
  // After the others are gone, so a value chosen from one of them never collides with itself on a unique field.
  if (Object.keys(values).length) {
    // The version as it now stands: a custom lookup from the master to another account moved with the rest.
    const current = await findRow(tx, scope, masterId, 'write', true);
    await updateRecord(tx, scope, masterId, values, current.version as number);
  }
  await keepEarliestCreation(tx, scope, master, others);
  const merged = others.map((o) => ({ id: o.id, name: o.name }));
  await auditRecord(tx, scope, masterId, 'merge', [{ field: 'merged', old: null, new: { accounts: merged, excerpt: merged.map((m) => m.name).join('、') } }]);

  const after = await countRelated(tx, tenantId, relations, [masterId], master.owner_id);
  const lost = Object.keys(expected).filter((kind) => after[kind] !== expected[kind]);
  // A table this code does not know would show here: refuse rather than lose records.
  if (lost.length) throw new Error(`account merge: related counts differ for ${lost.join(', ')}: ${JSON.stringify({ expected, after })}`);

  const account = rowToRecord(scope.object, await findRow(tx, scope, masterId));
  await attachDisplayNames(tx, scope, [account]);
  const moved = Object.fromEntries(Object.keys(after).map((kind) => [kind, after[kind]! - masterBefore[kind]!]));
  return { account, merged, moved };
}

/** Only fields a merge may choose; the engine's update validates the values themselves. */
function chosenValues(scope: RecordScope, values: Record<string, unknown>): Record<string, unknown> {
  const allowed = new Set(mergeableFields(scope.object).map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!allowed.has(key)) throw invalid('account.merge.not_mergeable', { field: scope.object.field(key)?.label.zh ?? key }, [{ field: key, reason: 'not_mergeable' }]);
  }
  return values;
}

/** Every account locked in one fixed order (by id), so two merges over the same accounts never deadlock. */
async function lockInIdOrder(tx: Tx, scope: RecordScope, ids: string[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  for (const id of [...ids].sort()) rows.set(id, await findRow(tx, scope, id, 'manage', true) as Row);
  return rows;
}

function checkVersions(rows: Map<string, Row>, versions: Record<string, number>) {
  const given = new Map(Object.entries(versions).map(([id, v]) => [id.toLowerCase(), v]));
  for (const row of rows.values()) {
    const version = given.get(row.id);
    if (version === undefined) throw invalid('account.merge.version_required', { name: row.name });
    if (version !== row.version) throw new AppError(409, 'version_conflict', 'account.merge.stale', { name: row.name });
  }
}

/** §3.5.10: 合并后的记录中将保留最早的创建日期 (with its creator); the latest 动态 time of all of them. */
async function keepEarliestCreation(tx: Tx, scope: RecordScope, master: Row, others: Row[]) {
  const earliest = [master, ...others].reduce((a, b) => (b.created_at < a.created_at ? b : a));
  const lastActivity = [master, ...others].map((r) => r.last_activity_at as Date | null).filter((d): d is Date => d !== null)
    .reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
  await sql`UPDATE accounts SET created_at = ${earliest.created_at}, created_by = ${earliest.created_by}::uuid,
      last_activity_at = ${lastActivity}, version = version + 1, updated_by = ${scope.auth.userId}::uuid, updated_at = now()
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${master.id}::uuid`.execute(tx);
  if (earliest !== master) {
    await auditRecord(tx, scope, master.id, 'update', [
      { field: 'createdAt', old: master.created_at.toISOString(), new: earliest.created_at.toISOString() },
      ...(earliest.created_by !== master.created_by ? [{ field: 'createdBy', old: master.created_by, new: earliest.created_by }] : []),
    ]);
  }
}

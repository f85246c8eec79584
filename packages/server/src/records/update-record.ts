import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { AppError, invalid, versionConflict } from '../platform/http/errors';
import { diffFields } from '../platform/audit/audit';
import { hooksOf } from './hooks';
import { findRow } from './read';
import { assertReferences, translateDbError } from './references';
import type { RecordScope } from './scope';
import { searchText } from './search-text';
import { rowToRecord, validateWrite } from './values';
import { auditRecord, columnValue } from './write-helpers';

/**
 * Updates fields of one record with optimistic locking: the caller's version must be the stored
 * one, else 409 and nothing changes. The owner is never changed here (transfer does that).
 */
export async function updateRecord(tx: Tx, scope: RecordScope, id: string, input: Record<string, unknown>, version: number | undefined) {
  const { object, auth } = scope;
  if (version === undefined) throw invalid('records.version_required');
  if ('ownerId' in input) throw new AppError(400, 'owner_via_transfer', 'records.owner_via_transfer');
  const row = await findRow(tx, scope, id, 'write', true);
  if (row.version !== version) throw versionConflict();
  for (const h of hooksOf(object.key)) await h.prepareUpdate?.(tx, scope, row, input);
  const before = rowToRecord(object, row);
  const values = validateWrite(object, input, { create: false, previous: before });
  await assertReferences(tx, scope, values);

  const after = { ...before, ...Object.fromEntries([...values].map(([f, v]) => [f.key, v])) };
  const changes = diffFields(before, after, [...values.keys()].map((f) => f.key));
  if (changes.length === 0) return before;

  const sets = [...values].filter(([f]) => f.column).map(([f, v]) => sql`${sql.ref(f.column!)} = ${columnValue(f, v)}`);
  const customPatch: Record<string, unknown> = {};
  const customRemoved: string[] = [];
  for (const [f, v] of values) {
    if (f.column) continue;
    if (v === null) customRemoved.push(f.key);
    else customPatch[f.key] = v;
  }
  sets.push(
    sql`custom = (custom || ${JSON.stringify(customPatch)}::jsonb) - ${customRemoved}::text[]`,
    sql`search_text = ${searchText(object, after)}`,
    sql`version = version + 1`,
    sql`updated_by = ${auth.userId}::uuid`,
    sql`updated_at = now()`,
  );
  const updated = await sql<Record<string, unknown>>`UPDATE ${sql.table(object.table)} SET ${sql.join(sets)}
    WHERE tenant_id = ${auth.tenantId}::uuid AND id = ${id}::uuid AND version = ${version} RETURNING *`
    .execute(tx).then((r) => r.rows[0], (e) => translateDbError(e, scope));
  if (!updated) throw versionConflict();
  await auditRecord(tx, scope, id, 'update', changes);
  const result = rowToRecord(object, updated);
  for (const h of hooksOf(object.key)) await h.afterUpdate?.(tx, scope, before, result);
  return result;
}

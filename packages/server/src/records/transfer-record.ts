import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { AppError, invalid } from '../platform/http/errors';
import { findRow } from './read';
import type { RecordScope } from './scope';
import { rowToRecord } from './values';
import { auditRecord } from './write-helpers';

/**
 * 转移: hands a record to another active user; its 所属部门 follows the new owner. Objects with
 * related records (accounts, §3.5.8) build on this in their own folders.
 */
export async function transferRecord(tx: Tx, scope: RecordScope, id: string, newOwnerId: string) {
  if (!scope.object.owned) throw invalid('records.unknown_field', { field: 'ownerId' });
  const row = await findRow(tx, scope, id, 'manage', true);
  const owner = await tx.selectFrom('users').select(['id', 'department_id'])
    .where('tenant_id', '=', scope.auth.tenantId).where('id', '=', newOwnerId).where('status', '=', 'active').executeTakeFirst();
  if (!owner) throw new AppError(400, 'bad_user', 'records.bad_user');
  if (row.owner_id === owner.id) return rowToRecord(scope.object, row);
  const updated = await sql<Record<string, unknown>>`UPDATE ${sql.table(scope.object.table)}
    SET owner_id = ${owner.id}::uuid, department_id = ${owner.department_id}::uuid, version = version + 1, updated_by = ${scope.auth.userId}::uuid, updated_at = now()
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${id}::uuid RETURNING *`.execute(tx);
  await auditRecord(tx, scope, id, 'transfer', [
    { field: 'ownerId', old: row.owner_id, new: owner.id },
    ...(row.department_id !== owner.department_id ? [{ field: 'departmentId', old: row.department_id, new: owner.department_id }] : []),
  ]);
  return rowToRecord(scope.object, updated.rows[0]!);
}

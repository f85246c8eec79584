import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { AppError } from '../../platform/http/errors';
import { writeEvent } from '../../records/events';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { auditRecord } from '../../records/write-helpers';
import { poolCtx } from './actions';
import { afterEnteringPool } from './enter-pool';

/**
 * 初始化公海池分组 (§3.5.12) for one record the caller sees: a record from before pools (no group)
 * joins `groupId`; a record already in a group keeps it and is answered as such. A held record's
 * recycle clock starts now, so turning pools on does not send years-old accounts back at once.
 */
export async function initPoolGroup(tx: Tx, scope: RecordScope, id: string, groupId: string) {
  const { tenantId, userId } = scope.auth;
  const row = await findRow(tx, scope, id, 'read', true);
  if (row.pool_group_id) {
    const current = await tx.selectFrom('pool_groups').select('name').where('tenant_id', '=', tenantId).where('id', '=', row.pool_group_id as string).executeTakeFirst();
    throw new AppError(409, 'pool_grouped', 'pool.already_grouped', { group: current?.name ?? '' });
  }
  const state = row.pool_state === 'abandoned' ? 'abandoned' : row.owner_id ? 'held' : 'pool';
  const { rows } = await sql<Record<string, unknown>>`UPDATE ${sql.table(scope.object.table)}
    SET pool_group_id = ${groupId}::uuid, pool_state = ${state},
        claimed_at = CASE WHEN owner_id IS NOT NULL THEN coalesce(claimed_at, now()) END,
        version = version + 1, updated_by = ${userId}::uuid, updated_at = now()
    WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid RETURNING *`.execute(tx);
  const after = rows[0]!;
  await writeEvent(tx, {
    tenantId, object: scope.object.key, recordId: id, kind: 'init_group', actorId: userId,
    fromOwnerId: row.owner_id as string | null, toOwnerId: row.owner_id as string | null, toGroupId: groupId,
  });
  await auditRecord(tx, scope, id, 'init_group', [{ field: 'poolGroupId', old: null, new: groupId }]);
  return state === 'pool' ? afterEnteringPool(tx, poolCtx(scope), after) : after;
}

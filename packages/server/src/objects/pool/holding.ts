import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/database';
import type { PoolGroupsTable } from '../../db/schema-pools';
import { AppError } from '../../platform/http/errors';
import { R } from '../../records/sql-ref';
import type { PoolObject } from './pool-objects';

type GroupRow = Selectable<PoolGroupsTable>;

/**
 * The per-member limit (每人最多持有), safe under concurrency: claims of the same member in the
 * same group queue on one advisory lock, so two racing claims cannot both see "one below the limit".
 * Callers already hold the record's row lock; the advisory lock is always taken after it, so two
 * claims never wait on each other in opposite orders.
 */
export async function assertBelowLimit(tx: Tx, pool: PoolObject, group: GroupRow, userId: string): Promise<void> {
  if (group.max_held == null) return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`pool-limit:${group.tenant_id}:${group.id}:${userId}`}, 0))`.execute(tx);
  if ((await heldCount(tx, pool, group, userId)) >= group.max_held) {
    const user = await tx.selectFrom('users').select('name').where('tenant_id', '=', group.tenant_id).where('id', '=', userId).executeTakeFirst();
    throw new AppError(409, 'pool_limit', 'pool.limit_reached', { user: user?.name ?? '', max: group.max_held });
  }
}

export async function heldCount(tx: Tx, pool: PoolObject, group: GroupRow, userId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(pool.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${group.tenant_id}::uuid AND ${sql.ref(`${R}.pool_group_id`)} = ${group.id}::uuid
      AND ${sql.ref(`${R}.owner_id`)} = ${userId}::uuid AND ${sql.ref(`${R}.pool_state`)} = 'held' AND NOT (${pool.converted})`.execute(tx);
  return rows[0]!.n;
}

/** Hands a locked record to a user: owner, the owner's department, held from now. Answers the new row. */
export async function giveTo(tx: Tx, pool: PoolObject, tenantId: string, recordId: string, userId: string, actorId: string | null) {
  const user = await tx.selectFrom('users').select('department_id').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  const { rows } = await sql<Record<string, unknown>>`UPDATE ${sql.table(pool.table)}
    SET owner_id = ${userId}::uuid, department_id = ${user.department_id}::uuid, pool_state = 'held', claimed_at = now(),
        recycle_warned_at = NULL, version = version + 1, updated_by = ${actorId}::uuid, updated_at = now()
    WHERE tenant_id = ${tenantId}::uuid AND id = ${recordId}::uuid RETURNING *`.execute(tx);
  await pool.carry?.(tx, tenantId, recordId, userId, user.department_id, actorId);
  return rows[0]!;
}

/** Back to the pool (or 废弃): nobody holds it. `returned` counts towards 退回次数. */
export async function release(tx: Tx, pool: PoolObject, tenantId: string, recordId: string, state: 'pool' | 'abandoned', returned: boolean, actorId: string | null, groupId?: string) {
  const { rows } = await sql<Record<string, unknown>>`UPDATE ${sql.table(pool.table)}
    SET owner_id = NULL, pool_state = ${state}, claimed_at = NULL, recycle_warned_at = NULL,
        returned_count = returned_count + ${returned ? 1 : 0},
        pool_group_id = ${groupId ? sql`${groupId}::uuid` : sql`pool_group_id`},
        version = version + 1, updated_by = ${actorId}::uuid, updated_at = now()
    WHERE tenant_id = ${tenantId}::uuid AND id = ${recordId}::uuid RETURNING *`.execute(tx);
  return rows[0]!;
}

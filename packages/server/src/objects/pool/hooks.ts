import { sql } from 'kysely';
import { POOL_OBJECTS } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { invalid } from '../../platform/http/errors';
import { registerHooks } from '../../records/hooks';
import type { RecordScope } from '../../records/scope';
import { afterEnteringPool } from './enter-pool';
import { poolCtx } from './actions';
import { writeEvent } from '../../records/events';

/** 所属公海 on create: the default group when none is given; otherwise one the creator belongs to. */
async function prepareCreate(tx: Tx, scope: RecordScope, input: Record<string, unknown>) {
  const { tenantId } = scope.auth;
  const given = input.poolGroupId;
  if (given === undefined || given === null || given === '') {
    const fallback = await tx.selectFrom('pool_groups').select('id')
      .where('tenant_id', '=', tenantId).where('object', '=', scope.object.key as 'lead' | 'account').where('is_default', '=', true).executeTakeFirstOrThrow();
    input.poolGroupId = fallback.id;
    return;
  }
  if (typeof given === 'string' && !scope.viewer.pools.member.includes(given)) {
    const group = await tx.selectFrom('pool_groups').select('name').where('tenant_id', '=', tenantId).where('id', '=', given).executeTakeFirst();
    // An unknown id falls through to the picklist check, which names the field.
    if (group) throw invalid('pool.not_member', { group: group.name });
  }
}

/** Created in the pool: nobody holds it; the event log says so and the group's rules may assign it at once. */
async function afterCreate(tx: Tx, scope: RecordScope, row: Record<string, unknown>, options: { inPool?: boolean }) {
  if (!options.inPool) return;
  const { rows } = await sql<Record<string, unknown>>`UPDATE ${sql.table(scope.object.table)} SET pool_state = 'pool'
    WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${row.id as string}::uuid RETURNING *`.execute(tx);
  await writeEvent(tx, {
    tenantId: scope.auth.tenantId, object: scope.object.key, recordId: row.id as string, kind: 'create_in_pool',
    actorId: scope.auth.userId, toGroupId: row.pool_group_id as string,
  });
  return afterEnteringPool(tx, poolCtx(scope), rows[0]!);
}

/** 删除 shows in 查看公海操作记录 like every other pool action. */
async function afterDelete(tx: Tx, scope: RecordScope, row: Record<string, unknown>) {
  await writeEvent(tx, {
    tenantId: scope.auth.tenantId, object: scope.object.key, recordId: row.id as string, kind: 'delete', actorId: scope.auth.userId,
    fromOwnerId: row.owner_id as string | null, fromGroupId: row.pool_group_id as string | null, toGroupId: row.pool_group_id as string | null,
    detail: { name: row.name },
  });
}

for (const object of POOL_OBJECTS) registerHooks(object, { prepareCreate, afterCreate, afterDelete });

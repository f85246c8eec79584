import { sql } from 'kysely';
import type { PoolAction } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { AppError, invalid, notFound } from '../../platform/http/errors';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { assertUuid, rowToRecord } from '../../records/values';
import { canManage, canRead } from '../../records/visibility';
import { auditRecord } from '../../records/write-helpers';
import { afterEnteringPool, nameColumn, type PoolCtx } from './enter-pool';
import { poolNotice } from './notices';
import { writeEvent } from '../../records/events';
import { assertAdminister, defaultGroupId, isMember, loadGroup } from './groups';
import { assertBelowLimit, giveTo, release } from './holding';
import { poolObject } from './pool-objects';

export interface ActionInput {
  userId?: string;
  groupId?: string;
  reason?: string;
}

export const poolCtx = (scope: RecordScope): PoolCtx => ({
  tenantId: scope.auth.tenantId, actorId: scope.auth.userId, object: scope.object, pool: poolObject(scope.object.key), timeZone: scope.timeZone,
});

/**
 * The record, locked, if the caller may reach it from the pool (a member of its group) or through the
 * ordinary rules (its owner's line, team). Anything else is 404, as for every other record route.
 */
async function lockRecord(tx: Tx, scope: RecordScope, id: string, holderLine = false) {
  assertUuid(id);
  const reach = holderLine
    ? canManage(scope.object, scope.viewer)
    : sql`(${sql.ref(`${R}.pool_group_id`)} = ANY(${scope.viewer.pools.member}::uuid[]) OR ${canRead(scope.object, scope.viewer)})`;
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.ref(R)}.* FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${id}::uuid AND ${reach}
    FOR UPDATE OF ${sql.ref(R)}`.execute(tx);
  if (!rows[0]) throw notFound();
  return rows[0];
}

async function ownerName(tx: Tx, tenantId: string, userId: string) {
  const u = await tx.selectFrom('users').select('name').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  return u?.name ?? '';
}

function assertNotConverted(row: Record<string, unknown>) {
  if (row.converted_at) throw new AppError(409, 'pool_converted', 'pool.converted');
}

/** Runs one pool action on one record in the caller's transaction; answers the record afterwards. */
export async function runPoolAction(tx: Tx, scope: RecordScope, action: PoolAction, id: string, input: ActionInput) {
  const ctx = poolCtx(scope);
  const { tenantId, userId: me } = scope.auth;
  const viewer = scope.viewer;
  const object = ctx.pool.key;
  const event = (row: Record<string, unknown>, kind: Parameters<typeof writeEvent>[1]['kind'], extra: Partial<Parameters<typeof writeEvent>[1]> = {}) =>
    writeEvent(tx, { tenantId, object, recordId: id, kind, actorId: me, fromOwnerId: row.owner_id as string | null, fromGroupId: row.pool_group_id as string | null, toGroupId: row.pool_group_id as string | null, ...extra });
  const audit = (before: Record<string, unknown>, after: Record<string, unknown>, name: string) => auditRecord(tx, scope, id, name, [
    ...(before.owner_id !== after.owner_id ? [{ field: 'ownerId', old: before.owner_id, new: after.owner_id }] : []),
    ...(before.pool_group_id !== after.pool_group_id ? [{ field: 'poolGroupId', old: before.pool_group_id, new: after.pool_group_id }] : []),
  ]);

  switch (action) {
    case 'claim': case 'assign': {
      const row = await lockRecord(tx, scope, id);
      const group = await loadGroup(tx, viewer, object, row.pool_group_id as string);
      if (row.owner_id) throw new AppError(409, 'pool_taken', 'pool.already_held', { owner: await ownerName(tx, tenantId, row.owner_id as string) });
      if (row.pool_state !== 'pool') throw new AppError(409, 'pool_state', 'pool.not_in_pool');
      let target = me;
      if (action === 'assign') {
        assertAdminister(viewer, group.id);
        if (!input.userId) throw invalid('records.bad_user');
        target = input.userId;
        const active = await tx.selectFrom('users').select('name').where('tenant_id', '=', tenantId).where('id', '=', target).where('status', '=', 'active').executeTakeFirst();
        if (!active) throw new AppError(400, 'bad_user', 'records.bad_user');
        if (!(await isMember(tx, tenantId, group, target))) throw invalid('pool.target_not_member', { user: active.name });
      } else if (group.claim_mode === 'assign' && !viewer.pools.administered.includes(group.id)) {
        throw new AppError(403, 'forbidden', 'pool.claim_by_assign');
      }
      await assertBelowLimit(tx, ctx.pool, group, target);
      const after = await giveTo(tx, ctx.pool, tenantId, id, target, me);
      await event(row, action, { toOwnerId: target });
      await audit(row, after, action);
      if (target !== me) await poolNotice(tx, tenantId, target, scope.object, id, 'pool.assigned_title', { name: String(row[nameColumn(scope.object)] ?? '') });
      return after;
    }
    case 'change-group': {
      const row = await lockRecord(tx, scope, id);
      const from = await loadGroup(tx, viewer, object, row.pool_group_id as string);
      if (!viewer.pools.administered.includes(from.id) && !from.members_may_move) throw new AppError(403, 'forbidden', 'pool.move_not_allowed');
      if (!input.groupId) throw invalid('pool.bad_group');
      const to = await loadGroup(tx, viewer, object, input.groupId).catch(() => { throw invalid('pool.bad_group'); });
      if (to.id === from.id) return row;
      const { rows } = await sql<Record<string, unknown>>`UPDATE ${sql.table(ctx.pool.table)} SET pool_group_id = ${to.id}::uuid,
        version = version + 1, updated_by = ${me}::uuid, updated_at = now() WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid RETURNING *`.execute(tx);
      await event(row, 'change_group', { toOwnerId: row.owner_id as string | null, toGroupId: to.id });
      await audit(row, rows[0]!, 'change_group');
      return row.pool_state === 'pool' ? afterEnteringPool(tx, ctx, rows[0]!) : rows[0]!;
    }
    case 'abandon': {
      // 废弃: a group administrator, from the pool or from a holder; or the holder's line, from the record.
      const row = await lockRecord(tx, scope, id);
      assertNotConverted(row);
      if (row.pool_state === 'abandoned') throw new AppError(409, 'pool_state', 'pool.not_in_pool');
      if (!viewer.pools.administered.includes(row.pool_group_id as string)) await lockRecord(tx, scope, id, true);
      // A record from before pools (§3.5.12) is abandoned into the default group, where 恢复 can find it.
      const groupId = (row.pool_group_id as string | null) ?? await defaultGroupId(tx, tenantId, object);
      const after = await release(tx, ctx.pool, tenantId, id, 'abandoned', false, me, groupId);
      await event(row, 'abandon', { toGroupId: groupId, detail: input.reason ? { reason: input.reason } : {} });
      await audit(row, after, 'abandon');
      return after;
    }
    case 'restore': {
      const row = await lockRecord(tx, scope, id);
      assertAdminister(viewer, row.pool_group_id as string);
      if (row.pool_state !== 'abandoned') throw new AppError(409, 'pool_state', 'pool.not_abandoned');
      const after = await release(tx, ctx.pool, tenantId, id, 'pool', false, me);
      await event(row, 'restore');
      return afterEnteringPool(tx, ctx, after);
    }
    case 'recycle': {
      // 回收: a group administrator takes a record back from its holder.
      const row = await lockRecord(tx, scope, id);
      assertAdminister(viewer, row.pool_group_id as string);
      assertNotConverted(row);
      if (!row.owner_id) throw new AppError(409, 'pool_state', 'pool.not_held');
      const after = await release(tx, ctx.pool, tenantId, id, 'pool', true, me);
      await event(row, 'recycle');
      await audit(row, after, 'recycle');
      return afterEnteringPool(tx, ctx, after);
    }
    case 'return': {
      // 退回公海池: the holder (or those above) gives it back, to its group or, where allowed, another.
      const row = await lockRecord(tx, scope, id, true);
      assertNotConverted(row);
      if (!row.owner_id) throw new AppError(409, 'pool_state', 'pool.not_held');
      let groupId = row.pool_group_id as string | null;
      if (!groupId) {
        // A record from before pools (§3.5.12) has no group to go back to: the one chosen, else the default group.
        groupId = input.groupId
          ? (await loadGroup(tx, viewer, object, input.groupId).catch(() => { throw invalid('pool.bad_group'); })).id
          : await defaultGroupId(tx, tenantId, object);
      } else if (input.groupId && input.groupId !== groupId) {
        const from = await tx.selectFrom('pool_groups').selectAll().where('tenant_id', '=', tenantId).where('id', '=', groupId).executeTakeFirstOrThrow();
        if (!from.members_may_move && !viewer.pools.administered.includes(from.id)) throw new AppError(403, 'forbidden', 'pool.move_not_allowed');
        groupId = (await loadGroup(tx, viewer, object, input.groupId).catch(() => { throw invalid('pool.bad_group'); })).id;
      }
      const after = await release(tx, ctx.pool, tenantId, id, 'pool', true, me, groupId);
      await event(row, 'return', { toGroupId: groupId, detail: input.reason ? { reason: input.reason } : {} });
      await audit(row, after, 'return');
      return afterEnteringPool(tx, ctx, after);
    }
  }
}

export const answer = (scope: RecordScope, row: Record<string, unknown>) => rowToRecord(scope.object, row);

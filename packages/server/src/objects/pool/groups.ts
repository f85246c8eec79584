import { sql } from 'kysely';
import type { PoolGroup, PoolGroupDetail, PoolGroupInput, PoolMemberInput, PoolObjectKey } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import type { PoolGroupsTable } from '../../db/schema-pools';
import type { Selectable } from 'kysely';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../platform/http/errors';
import type { Viewer } from '../../records/visibility';
import { listRules } from './assign-rules';

type GroupRow = Selectable<PoolGroupsTable>;

export function toGroup(row: GroupRow, viewer: Viewer, poolCount = 0): PoolGroup {
  return {
    id: row.id, object: row.object, name: row.name, everyone: row.everyone, isDefault: row.is_default,
    claimMode: row.claim_mode, previewAllowed: row.preview_allowed, maxHeld: row.max_held,
    membersMayMove: row.members_may_move, recycleIdleDays: row.recycle_idle_days,
    recycleUnconvertedDays: row.recycle_unconverted_days, version: row.version,
    canAdminister: viewer.pools.administered.includes(row.id), poolCount,
  };
}

/** One group of the object, or 404 when it does not exist or the viewer is not a member. */
export async function loadGroup(db: DbOrTx, viewer: Viewer, object: PoolObjectKey, groupId: string, lock = false): Promise<GroupRow> {
  if (!viewer.pools.member.includes(groupId)) throw notFound();
  let q = db.selectFrom('pool_groups').selectAll().where('tenant_id', '=', viewer.tenantId).where('id', '=', groupId).where('object', '=', object);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The company's default group of the object: where records with no group of their own go. */
export async function defaultGroupId(db: DbOrTx, tenantId: string, object: PoolObjectKey): Promise<string> {
  const row = await db.selectFrom('pool_groups').select('id')
    .where('tenant_id', '=', tenantId).where('object', '=', object).where('is_default', '=', true).executeTakeFirstOrThrow();
  return row.id;
}

export function assertAdminister(viewer: Viewer, groupId: string): void {
  if (!viewer.pools.administered.includes(groupId)) throw new AppError(403, 'forbidden', 'pool.not_group_admin');
}

/** The groups the viewer belongs to (every group, for pool administrators), with how many records wait in each. */
export async function listGroups(db: DbOrTx, viewer: Viewer, object: PoolObjectKey): Promise<PoolGroup[]> {
  if (viewer.pools.member.length === 0) return [];
  const { rows } = await sql<GroupRow & { pool_count: number }>`
    SELECT g.*, (SELECT count(*)::int FROM ${sql.table(object === 'lead' ? 'leads' : 'accounts')} r
                  WHERE r.tenant_id = g.tenant_id AND r.pool_group_id = g.id AND r.pool_state = 'pool') AS pool_count
    FROM pool_groups g
    WHERE g.tenant_id = ${viewer.tenantId}::uuid AND g.object = ${object} AND g.id = ANY(${viewer.pools.member}::uuid[])
    ORDER BY g.is_default DESC, g.sort_order, g.created_at`.execute(db);
  return rows.map((r) => toGroup(r, viewer, r.pool_count));
}

export async function groupDetail(db: DbOrTx, viewer: Viewer, object: PoolObjectKey, groupId: string): Promise<PoolGroupDetail> {
  const row = await loadGroup(db, viewer, object, groupId);
  const members = await db.selectFrom('pool_group_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'u.tenant_id').onRef('d.id', '=', 'u.department_id'))
    .select(['m.user_id', 'm.is_admin', 'u.name', 'd.name as department_name'])
    .where('m.tenant_id', '=', viewer.tenantId).where('m.group_id', '=', groupId)
    .orderBy('m.is_admin', 'desc').orderBy('u.name').execute();
  return {
    ...toGroup(row, viewer),
    members: members.map((m) => ({ userId: m.user_id, isAdmin: m.is_admin, name: m.name, departmentName: m.department_name })),
    rules: await listRules(db, viewer.tenantId, groupId),
  };
}

const columns = (input: PoolGroupInput) => ({
  name: input.name.trim(), everyone: input.everyone, claim_mode: input.claimMode, preview_allowed: input.previewAllowed,
  max_held: input.maxHeld, members_may_move: input.membersMayMove,
  recycle_idle_days: input.recycleIdleDays, recycle_unconverted_days: input.recycleUnconvertedDays,
});

async function assertNameFree(tx: Tx, tenantId: string, object: PoolObjectKey, name: string, except?: string) {
  let q = tx.selectFrom('pool_groups').select('id').where('tenant_id', '=', tenantId).where('object', '=', object).where('name', '=', name.trim());
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw invalid('pool.group_name_taken', { name: name.trim() });
}

export async function createGroup(tx: Tx, viewer: Viewer, object: PoolObjectKey, input: PoolGroupInput) {
  await assertNameFree(tx, viewer.tenantId, object, input.name);
  const next = await tx.selectFrom('pool_groups').select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('n'))
    .where('tenant_id', '=', viewer.tenantId).where('object', '=', object).executeTakeFirstOrThrow();
  return tx.insertInto('pool_groups').values({ tenant_id: viewer.tenantId, object, sort_order: next.n, ...columns(input) })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateGroup(tx: Tx, viewer: Viewer, object: PoolObjectKey, groupId: string, input: PoolGroupInput, version: number) {
  const row = await loadGroup(tx, viewer, object, groupId, true);
  if (row.version !== version) throw versionConflict();
  await assertNameFree(tx, viewer.tenantId, object, input.name, groupId);
  // The default group stays open to everyone: it is where records without a group go.
  const values = { ...columns(input), everyone: row.is_default ? true : input.everyone };
  return tx.updateTable('pool_groups').set({ ...values, version: row.version + 1 })
    .where('tenant_id', '=', viewer.tenantId).where('id', '=', groupId).returningAll().executeTakeFirstOrThrow();
}

export async function deleteGroup(tx: Tx, viewer: Viewer, object: PoolObjectKey, groupId: string) {
  const row = await loadGroup(tx, viewer, object, groupId, true);
  if (row.is_default) throw invalid('pool.default_group');
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(object === 'lead' ? 'leads' : 'accounts')}
    WHERE tenant_id = ${viewer.tenantId}::uuid AND pool_group_id = ${groupId}::uuid`.execute(tx);
  if (rows[0]!.n > 0) throw invalid('pool.group_not_empty', { count: rows[0]!.n });
  await tx.deleteFrom('pool_groups').where('tenant_id', '=', viewer.tenantId).where('id', '=', groupId).execute();
}

/** Replaces the member list; every member must be an active user of the company. */
export async function setMembers(tx: Tx, viewer: Viewer, object: PoolObjectKey, groupId: string, members: PoolMemberInput[]) {
  await loadGroup(tx, viewer, object, groupId, true);
  const ids = [...new Set(members.map((m) => m.userId))];
  if (ids.length) {
    const found = await tx.selectFrom('users').select('id').where('tenant_id', '=', viewer.tenantId)
      .where('id', 'in', ids).where('status', '=', 'active').execute();
    if (found.length !== ids.length) throw new AppError(400, 'bad_user', 'records.bad_user');
  }
  await tx.deleteFrom('pool_group_members').where('tenant_id', '=', viewer.tenantId).where('group_id', '=', groupId).execute();
  const unique = new Map(members.map((m) => [m.userId, m.isAdmin]));
  if (unique.size) {
    await tx.insertInto('pool_group_members')
      .values([...unique].map(([userId, isAdmin]) => ({ tenant_id: viewer.tenantId, group_id: groupId, user_id: userId, is_admin: isAdmin })))
      .execute();
  }
}

/** Whether a user belongs to a group (everyone-groups take every active user). */
export async function isMember(db: DbOrTx, tenantId: string, group: GroupRow, userId: string): Promise<boolean> {
  if (group.everyone) return true;
  const row = await db.selectFrom('pool_group_members').select('user_id')
    .where('tenant_id', '=', tenantId).where('group_id', '=', group.id).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row);
}

export const assertCanManageGroups = (viewer: Viewer, permissions: ReadonlySet<string>) => {
  if (!viewer.isAdmin && !permissions.has('pool.admin')) throw forbidden();
};

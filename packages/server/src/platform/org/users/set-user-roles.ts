import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { auditBase, type Actor } from '../actor';
import { assertAnotherActiveAdmin, assertMayManageUser, assertWithinOwnPermissions } from '../admins';
import { lockOrganisation } from '../org-lock';
import { loadRolesForGrant } from './roles-for-grant';
import { lockUser, updateUserRow } from './user-row';
import { loadUserView } from './user-view';
import type { UserView } from './user.types';

/** 用户管理 → 分配角色: replaces the user's roles. Takes effect at the user's next request. */
export async function setUserRoles(db: Db, actor: Actor, id: string, roleIds: string[]): Promise<UserView> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, tenantId);
    const user = await lockUser(tx, tenantId, id);
    await assertMayManageUser(tx, actor.auth, id);
    const current = await tx.selectFrom('user_roles')
      .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
      .select(['roles.id', 'roles.key', 'roles.name_zh', 'roles.permissions'])
      .where('user_roles.tenant_id', '=', tenantId).where('user_roles.user_id', '=', id)
      .orderBy('roles.created_at').execute();
    const next = await loadRolesForGrant(tx, tenantId, roleIds);

    // Granting or taking away a role both need its permissions: a manager of users is not a manager of admins.
    const nextIds = new Set(next.map((r) => r.id));
    const currentIds = new Set(current.map((r) => r.id));
    const touched = [...next.filter((r) => !currentIds.has(r.id)), ...current.filter((r) => !nextIds.has(r.id))];
    assertWithinOwnPermissions(actor.auth, touched.flatMap((r) => r.permissions));
    if (touched.length === 0) return (await loadUserView(tx, tenantId, id))!;

    const losesAdmin = current.some((r) => r.key === 'admin') && !next.some((r) => r.key === 'admin');
    if (losesAdmin && user.status === 'active') await assertAnotherActiveAdmin(tx, tenantId, id);

    await tx.deleteFrom('user_roles').where('tenant_id', '=', tenantId).where('user_id', '=', id).execute();
    await tx.insertInto('user_roles').values(next.map((r) => ({ tenant_id: tenantId, user_id: id, role_id: r.id }))).execute();
    await updateUserRow(tx, tenantId, id, {});
    await writeAudit(tx, {
      ...auditBase(actor), objectType: 'user', recordId: id, action: 'set_roles',
      changes: [{ field: 'roles', old: current.map((r) => r.name_zh), new: next.map((r) => r.name_zh) }],
    });
    return (await loadUserView(tx, tenantId, id))!;
  });
}

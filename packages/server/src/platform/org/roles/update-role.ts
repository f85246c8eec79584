import { PERMISSIONS } from '@yixiao/core';
import type { Db } from '../../../db/database';
import { diffFields, writeAudit } from '../../audit/audit';
import { AppError, notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { assertWithinOwnPermissions } from '../admins';
import { withUniqueConflicts } from '../conflicts';
import { roleNameTaken } from './create-role';
import { loadRole, orderedPermissions } from './role-view';
import type { RoleView, UpdateRoleInput } from './role.types';

/**
 * Renames a role and/or sets its permissions (the matrix's checkboxes). The role's users get the new
 * permissions at their next request: permissions are read per request, never cached in the session.
 */
export async function updateRole(db: Db, actor: Actor, id: string, input: UpdateRoleInput): Promise<RoleView> {
  const { tenantId } = actor.auth;
  return withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('roles').select(['key', 'name_zh', 'name_en', 'permissions'])
        .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound();
      const current = { nameZh: before.name_zh, nameEn: before.name_en, permissions: orderedPermissions(before.permissions) };
      const after: Partial<typeof current> = {};
      if (input.nameZh !== undefined) after.nameZh = input.nameZh;
      if (input.nameEn !== undefined) after.nameEn = input.nameEn;
      if (input.permissions !== undefined) {
        after.permissions = orderedPermissions(input.permissions);
        if (before.key === 'admin' && after.permissions.length !== PERMISSIONS.length) {
          throw new AppError(400, 'admin_role_fixed', 'org.admin_role_fixed');
        }
        // Adding or removing a permission needs it: a role manager cannot hand out or strip more than they hold.
        const touched = [...after.permissions.filter((p) => !current.permissions.includes(p)), ...current.permissions.filter((p) => !after.permissions!.includes(p))];
        assertWithinOwnPermissions(actor.auth, touched);
      }
      const changes = diffFields(current, after, ['nameZh', 'nameEn', 'permissions']);
      if (changes.length > 0) {
        await tx.updateTable('roles')
          .set({
            ...(after.nameZh !== undefined ? { name_zh: after.nameZh } : {}),
            ...(after.nameEn !== undefined ? { name_en: after.nameEn } : {}),
            ...(after.permissions !== undefined ? { permissions: after.permissions } : {}),
          })
          .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
        await writeAudit(tx, { ...auditBase(actor), objectType: 'role', recordId: id, action: 'update', changes });
      }
      return (await loadRole(tx, tenantId, id))!;
    }),
    { roles_name_uq: roleNameTaken },
  );
}

import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { auditBase, type Actor } from '../actor';
import { assertWithinOwnPermissions } from '../admins';
import { conflict, withUniqueConflicts } from '../conflicts';
import { orderedPermissions, loadRole } from './role-view';
import type { CreateRoleInput, RoleView } from './role.types';

export const roleNameTaken = () => conflict('role_name_taken', 'org.role_name_taken');

/** 角色权限 → 新增角色: a company's own role, with a Chinese and an English name. */
export async function createRole(db: Db, actor: Actor, input: CreateRoleInput): Promise<RoleView> {
  const { tenantId } = actor.auth;
  const permissions = orderedPermissions(input.permissions);
  assertWithinOwnPermissions(actor.auth, permissions);
  return withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('roles')
        .values({ tenant_id: tenantId, key: null, name_zh: input.nameZh, name_en: input.nameEn, permissions })
        .returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'role', recordId: row.id, action: 'create',
        changes: [
          { field: 'nameZh', old: null, new: input.nameZh },
          { field: 'nameEn', old: null, new: input.nameEn },
          { field: 'permissions', old: null, new: permissions },
        ],
      });
      return (await loadRole(tx, tenantId, row.id))!;
    }),
    { roles_name_uq: roleNameTaken },
  );
}

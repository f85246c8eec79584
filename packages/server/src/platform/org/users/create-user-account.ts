import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { assertStrongPassword, hashPassword } from '../../auth/passwords';
import { invalid } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { assertWithinOwnPermissions } from '../admins';
import { withUniqueConflicts } from '../conflicts';
import { lockOrganisation } from '../org-lock';
import { generateTemporaryPassword } from '../temporary-password';
import { createUser } from '../users';
import { assertLoginFree, LOGIN_CONSTRAINTS } from './login-directory';
import { loadRolesForGrant } from './roles-for-grant';
import { findActiveUser } from './user-row';
import { loadUserView } from './user-view';
import type { CreateUserInput, UserView } from './user.types';

/**
 * 用户管理 → 新建: the new user must change the initial password at first sign-in. A generated
 * password is answered this once and never stored in clear.
 */
export async function createUserAccount(db: Db, actor: Actor, input: CreateUserInput): Promise<{ user: UserView; temporaryPassword: string | null }> {
  const { tenantId } = actor.auth;
  if (input.password) assertStrongPassword(input.password);
  const password = input.password || generateTemporaryPassword();
  const passwordHash = await hashPassword(password); // before the transaction: ~20 ms of CPU holds no locks
  const user = await withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      // Under the lock, a role being deleted cannot be granted here at the same moment.
      await lockOrganisation(tx, tenantId);
      await assertLoginFree(tx, input.login);
      const department = await tx.selectFrom('departments').select('id')
        .where('tenant_id', '=', tenantId).where('id', '=', input.departmentId).executeTakeFirst();
      if (!department) throw invalid('org.department_not_found');
      if (input.superiorId && !(await findActiveUser(tx, tenantId, input.superiorId))) throw invalid('org.superior_invalid');
      const roles = await loadRolesForGrant(tx, tenantId, input.roleIds);
      assertWithinOwnPermissions(actor.auth, roles.flatMap((r) => r.permissions));

      const created = await createUser(tx, tenantId, {
        login: input.login,
        name: input.name,
        password,
        passwordHash,
        title: input.title || null,
        email: input.email || null,
        mobile: input.mobile || null,
        departmentId: input.departmentId,
        superiorId: input.superiorId ?? null,
        roleIds: roles.map((r) => r.id),
        mustChangePassword: true,
      });
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'user', recordId: created.id, action: 'create',
        changes: [
          { field: 'login', old: null, new: input.login },
          { field: 'name', old: null, new: input.name },
          { field: 'title', old: null, new: input.title || null },
          { field: 'email', old: null, new: input.email || null },
          { field: 'mobile', old: null, new: input.mobile || null },
          { field: 'departmentId', old: null, new: input.departmentId },
          { field: 'superiorId', old: null, new: input.superiorId ?? null },
          { field: 'roles', old: null, new: roles.map((r) => r.name_zh) },
        ],
      });
      return (await loadUserView(tx, tenantId, created.id))!;
    }),
    LOGIN_CONSTRAINTS,
  );
  return { user, temporaryPassword: input.password ? null : password };
}

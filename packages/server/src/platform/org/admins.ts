import type { Permission } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { isAdmin, type AuthContext } from '../auth/context';
import { AppError } from '../http/errors';

/** Whether a user holds the built-in administrator role. */
export async function holdsAdminRole(db: DbOrTx, tenantId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
    .select('roles.id')
    .where('user_roles.tenant_id', '=', tenantId)
    .where('user_roles.user_id', '=', userId)
    .where('roles.key', '=', 'admin')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refuses a change that would leave the company without an active administrator. Call after
 * lockOrganisation, so two concurrent changes cannot each remove "the other" administrator.
 */
export async function assertAnotherActiveAdmin(db: DbOrTx, tenantId: string, leavingUserId: string): Promise<void> {
  const other = await db
    .selectFrom('user_roles')
    .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'user_roles.tenant_id').onRef('users.id', '=', 'user_roles.user_id'))
    .select('users.id')
    .where('user_roles.tenant_id', '=', tenantId)
    .where('roles.key', '=', 'admin')
    .where('users.status', '=', 'active')
    .where('users.id', '<>', leavingUserId)
    .executeTakeFirst();
  if (!other) throw new AppError(409, 'last_admin', 'org.last_admin');
}

/**
 * Only administrators may change an administrator's account: otherwise a user manager could reset an
 * administrator's password and sign in as them.
 */
export async function assertMayManageUser(db: DbOrTx, auth: AuthContext, userId: string): Promise<void> {
  if (isAdmin(auth)) return;
  if (await holdsAdminRole(db, auth.tenantId, userId)) throw new AppError(403, 'admin_target', 'org.admin_target');
}

/** A non-administrator may only hand out permissions they hold themselves (no escalation through roles). */
export function assertWithinOwnPermissions(auth: AuthContext, granted: readonly string[]): void {
  if (isAdmin(auth)) return;
  if (granted.some((p) => !auth.permissions.has(p as Permission))) {
    throw new AppError(403, 'beyond_own_permissions', 'org.beyond_own_permissions');
  }
}

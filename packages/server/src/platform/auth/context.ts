import { PERMISSIONS, type Locale, type Permission } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';

/** Who is calling: resolved once per request from the session cookie, bearer token or API key. */
export interface AuthContext {
  tenantId: string;
  userId: string;
  name: string;
  departmentId: string;
  locale: Locale;
  permissions: ReadonlySet<Permission>;
  roleKeys: readonly string[];
  via: 'session' | 'bearer' | 'api_key';
  /** The company's configuration version read with the credential (config-cache.ts); absent outside requests. */
  configVersion?: string;
  /** Set for browser sessions only: the id (hash) and the CSRF token state-changing requests must echo. */
  session?: { id: string; csrfToken: string };
}

export const isAdmin = (auth: AuthContext) => auth.roleKeys.includes('admin');

/** Loads what an AuthContext needs about an active user; null when the user is missing or disabled. */
export async function loadPrincipal(db: DbOrTx, tenantId: string, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'department_id', 'locale', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('roles', (j) => j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'))
    .select(['roles.key', 'roles.permissions'])
    .where('user_roles.tenant_id', '=', tenantId)
    .where('user_roles.user_id', '=', userId)
    .execute();
  const roleKeys = roles.flatMap((r) => (r.key ? [r.key] : []));
  // Administrators hold every permission, including ones added after their role row was written.
  const permissions = roleKeys.includes('admin') ? PERMISSIONS : roles.flatMap((r) => r.permissions);
  return {
    userId: user.id,
    tenantId,
    name: user.name,
    departmentId: user.department_id,
    locale: user.locale,
    roleKeys,
    permissions: new Set(permissions as Permission[]),
  };
}

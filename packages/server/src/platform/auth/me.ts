import { z } from 'zod';
import { DEFAULT_MENU, LOCALES, PERMISSIONS } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { loadPrincipal } from './context';

export const meSchema = z.object({
  id: z.string().uuid(),
  tenantId: z.string().uuid(),
  tenantName: z.string(),
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  mobile: z.string().nullable(),
  mobileVerified: z.boolean(),
  departmentId: z.string().uuid(),
  departmentName: z.string(),
  locale: z.enum(LOCALES),
  roles: z.array(z.string()),
  permissions: z.array(z.enum(PERMISSIONS)),
  isAdmin: z.boolean(),
  avatarUrl: z.string().nullable(),
  menu: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string().nullable().describe('Echo as X-CSRF-Token on state-changing requests made with the session cookie'),
});
export type Me = z.infer<typeof meSchema>;

export async function loadMe(db: DbOrTx, tenantId: string, userId: string, csrfToken: string | null): Promise<Me> {
  const principal = await loadPrincipal(db, tenantId, userId);
  const user = await db
    .selectFrom('users')
    .innerJoin('departments', (j) => j.onRef('departments.tenant_id', '=', 'users.tenant_id').onRef('departments.id', '=', 'users.department_id'))
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select([
      'users.id', 'users.tenant_id', 'users.login', 'users.name', 'users.email', 'users.email_verified_at', 'users.mobile',
      'users.mobile_verified_at', 'users.department_id', 'users.locale', 'users.avatar_file_id', 'users.menu',
      'users.must_change_password', 'departments.name as department_name', 'tenants.name as tenant_name',
    ])
    .where('users.tenant_id', '=', tenantId)
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    tenantId: user.tenant_id,
    tenantName: user.tenant_name,
    login: user.login,
    name: user.name,
    email: user.email,
    emailVerified: user.email_verified_at !== null,
    mobile: user.mobile,
    mobileVerified: user.mobile_verified_at !== null,
    departmentId: user.department_id,
    departmentName: user.department_name,
    locale: user.locale,
    roles: [...(principal?.roleKeys ?? [])],
    permissions: [...(principal?.permissions ?? [])],
    isAdmin: principal?.roleKeys.includes('admin') ?? false,
    avatarUrl: user.avatar_file_id ? `/api/v1/files/${user.avatar_file_id}` : null,
    menu: user.menu ?? DEFAULT_MENU,
    mustChangePassword: user.must_change_password,
    csrfToken,
  };
}

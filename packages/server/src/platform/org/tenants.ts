import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { createUser } from './users';

export interface NewTenant {
  name: string;
  rootDepartmentName?: string;
  admin: { login: string; name: string; password: string; email?: string };
  isDemo?: boolean;
}

/** Creates a company with its root department, the built-in roles and its first administrator. */
export async function createTenant(db: DbOrTx, input: NewTenant) {
  const tenant = await db
    .insertInto('tenants')
    .values({ name: input.name, is_demo: input.isDemo ?? false })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const root = await db
    .insertInto('departments')
    .values({ tenant_id: tenant.id, name: input.rootDepartmentName ?? input.name, code: 'ROOT', parent_id: null, head_user_id: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const roles = {} as Record<BuiltInRoleKey, string>;
  for (const [key, role] of Object.entries(BUILT_IN_ROLES) as [BuiltInRoleKey, (typeof BUILT_IN_ROLES)[BuiltInRoleKey]][]) {
    const row = await db
      .insertInto('roles')
      .values({ tenant_id: tenant.id, key, name_zh: role.zh, name_en: role.en, permissions: [...role.permissions] })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    roles[key] = row.id;
  }
  const admin = await createUser(db, tenant.id, {
    login: input.admin.login,
    name: input.admin.name,
    password: input.admin.password,
    email: input.admin.email ?? null,
    departmentId: root.id,
    roleIds: [roles.admin],
  });
  // Every company starts with a default lead pool and account pool that all its users belong to.
  await db.insertInto('pool_groups').values([
    { tenant_id: tenant.id, object: 'lead', name: '默认线索池', everyone: true, is_default: true },
    { tenant_id: tenant.id, object: 'account', name: '默认客户池', everyone: true, is_default: true },
  ]).execute();
  await db.updateTable('departments').set({ head_user_id: admin.id }).where('tenant_id', '=', tenant.id).where('id', '=', root.id).execute();
  return { tenantId: tenant.id, rootDepartmentId: root.id, adminId: admin.id, roles };
}

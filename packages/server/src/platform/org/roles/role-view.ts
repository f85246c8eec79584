import { BUILT_IN_ROLES, PERMISSIONS, type Permission } from '@yixiao/core';
import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/database';
import type { RoleView } from './role.types';

/** Permissions in the matrix's order; strings no longer in PERMISSIONS are left out of the answer. */
export const orderedPermissions = (granted: readonly string[]): Permission[] => PERMISSIONS.filter((p) => granted.includes(p));

function roleQuery(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('roles as r')
    .select(['r.id', 'r.key', 'r.name_zh', 'r.name_en', 'r.permissions'])
    .select((eb) =>
      eb.selectFrom('user_roles as ur').select(eb.fn.countAll<string>().as('n'))
        .whereRef('ur.tenant_id', '=', 'r.tenant_id').whereRef('ur.role_id', '=', 'r.id').as('member_count'),
    )
    .where('r.tenant_id', '=', tenantId);
}
type Row = Awaited<ReturnType<ReturnType<typeof roleQuery>['execute']>>[number];

const toView = (r: Row): RoleView => ({
  id: r.id,
  key: r.key,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  permissions: orderedPermissions(r.permissions),
  memberCount: Number(r.member_count ?? 0),
  builtIn: r.key !== null,
});

const BUILT_IN_ORDER = Object.keys(BUILT_IN_ROLES);

/** Built-in roles first (in their defined order), then the company's own, oldest first. */
export async function listRoles(db: DbOrTx, tenantId: string): Promise<RoleView[]> {
  const rows = await roleQuery(db, tenantId)
    .orderBy(sql`array_position(${sql.val(BUILT_IN_ORDER)}::text[], r.key)`) // null (custom roles) sorts last
    .orderBy('r.created_at').orderBy('r.name_zh').execute();
  return rows.map(toView);
}

export async function loadRole(db: DbOrTx, tenantId: string, id: string): Promise<RoleView | undefined> {
  const row = await roleQuery(db, tenantId).where('r.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

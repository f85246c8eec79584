import type { DbOrTx } from '../../../db/database';
import type { UserView } from './user.types';

/** The query behind every user an org endpoint answers: the user, their department and superior. */
export function userViewQuery(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'u.tenant_id').onRef('d.id', '=', 'u.department_id'))
    .leftJoin('users as s', (j) => j.onRef('s.tenant_id', '=', 'u.tenant_id').onRef('s.id', '=', 'u.superior_id'))
    .select([
      'u.id', 'u.login', 'u.name', 'u.title', 'u.email', 'u.email_verified_at', 'u.mobile', 'u.mobile_verified_at',
      'u.department_id', 'd.name as department_name', 'u.superior_id', 's.name as superior_name', 'u.status',
      'u.must_change_password', 'u.avatar_file_id', 'u.version', 'u.created_at', 'u.updated_at',
    ])
    .where('u.tenant_id', '=', tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof userViewQuery>['execute']>>[number];

/** Turns rows of userViewQuery into the API shape, with each user's roles (one extra query for all). */
export async function toUserViews(db: DbOrTx, tenantId: string, rows: Row[]): Promise<UserView[]> {
  const ids = rows.map((r) => r.id);
  const roles = ids.length === 0 ? [] : await db
    .selectFrom('user_roles as ur')
    .innerJoin('roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
    .select(['ur.user_id', 'r.id', 'r.key', 'r.name_zh', 'r.name_en'])
    .where('ur.tenant_id', '=', tenantId)
    .where('ur.user_id', 'in', ids)
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    title: r.title,
    email: r.email,
    emailVerified: r.email_verified_at !== null,
    mobile: r.mobile,
    mobileVerified: r.mobile_verified_at !== null,
    departmentId: r.department_id,
    departmentName: r.department_name,
    superiorId: r.superior_id,
    superiorName: r.superior_name,
    status: r.status,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ id: x.id, key: x.key, nameZh: x.name_zh, nameEn: x.name_en })),
    mustChangePassword: r.must_change_password,
    avatarUrl: r.avatar_file_id ? `/api/v1/files/${r.avatar_file_id}` : null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function loadUserView(db: DbOrTx, tenantId: string, id: string): Promise<UserView | undefined> {
  const row = await userViewQuery(db, tenantId).where('u.id', '=', id).executeTakeFirst();
  return row && (await toUserViews(db, tenantId, [row]))[0];
}

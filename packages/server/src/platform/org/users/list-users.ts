import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/database';
import { departmentSubtreeIds } from '../departments/department-subtree';
import { toUserViews, userViewQuery } from './user-view';
import type { UserListQuery, UserView } from './user.types';
import { containsPattern } from '../like-pattern';

/** 用户管理 list: filter by department (optionally with sub-departments), status and keyword; paged. */
export async function listUsers(db: DbOrTx, tenantId: string, query: UserListQuery): Promise<{ items: UserView[]; total: number; totalCapped: boolean }> {
  let filtered = userViewQuery(db, tenantId);
  if (query.departmentId) {
    filtered = query.includeSubDepartments === 'true'
      ? filtered.where(sql<boolean>`u.department_id IN ${departmentSubtreeIds(tenantId, query.departmentId)}`)
      : filtered.where('u.department_id', '=', query.departmentId);
  }
  if (query.status) filtered = filtered.where('u.status', '=', query.status);
  if (query.keyword) {
    const pattern = containsPattern(query.keyword);
    filtered = filtered.where((eb) => eb.or([
      eb('u.name', 'ilike', pattern), eb('u.login', 'ilike', pattern), eb('u.mobile', 'ilike', pattern), eb('u.email', 'ilike', pattern),
    ]));
  }
  const [rows, count] = await Promise.all([
    filtered.orderBy('u.status').orderBy('d.sort_order').orderBy('u.name').orderBy('u.id')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    filtered.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toUserViews(db, tenantId, rows), total: Number(count.n), totalCapped: false };
}

import type { DbOrTx } from '../../../db/database';
import { containsPattern } from '../like-pattern';

/** Active users for pickers (owner, head, superior fields of later modules): just enough to choose someone. */
export async function pickUsers(db: DbOrTx, tenantId: string, query: { keyword?: string; departmentId?: string; limit: number }) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'u.tenant_id').onRef('d.id', '=', 'u.department_id'))
    .select(['u.id', 'u.name', 'u.department_id', 'd.name as department_name', 'u.avatar_file_id'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.status', '=', 'active');
  if (query.departmentId) q = q.where('u.department_id', '=', query.departmentId);
  if (query.keyword) {
    const pattern = containsPattern(query.keyword);
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.login', 'ilike', pattern)]));
  }
  const rows = await q.orderBy('u.name').orderBy('u.id').limit(query.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    avatarUrl: r.avatar_file_id ? `/api/v1/files/${r.avatar_file_id}` : null,
  }));
}

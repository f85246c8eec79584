import type { DbOrTx } from '../../../db/database';
import type { DepartmentView } from './department.types';

function departmentQuery(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('departments as d')
    .leftJoin('users as h', (j) => j.onRef('h.tenant_id', '=', 'd.tenant_id').onRef('h.id', '=', 'd.head_user_id'))
    .select(['d.id', 'd.parent_id', 'd.name', 'd.code', 'd.head_user_id', 'h.name as head_name', 'd.sort_order'])
    .select((eb) =>
      eb.selectFrom('users as u')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('u.tenant_id', '=', 'd.tenant_id')
        .whereRef('u.department_id', '=', 'd.id')
        .as('member_count'),
    )
    .where('d.tenant_id', '=', tenantId);
}

type Row = Awaited<ReturnType<ReturnType<typeof departmentQuery>['executeTakeFirstOrThrow']>>;
const toView = (r: Row): DepartmentView => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  headUserId: r.head_user_id,
  headName: r.head_name,
  sortOrder: r.sort_order,
  memberCount: Number(r.member_count ?? 0),
});

/** The whole department tree of a company, flat: parents come before their children. */
export async function listDepartments(db: DbOrTx, tenantId: string): Promise<DepartmentView[]> {
  const rows = await departmentQuery(db, tenantId).orderBy('d.sort_order').orderBy('d.name').execute();
  const children = new Map<string | null, Row[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: DepartmentView[] = [];
  const visit = (parentId: string | null) => {
    for (const row of children.get(parentId) ?? []) {
      ordered.push(toView(row));
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

export async function loadDepartment(db: DbOrTx, tenantId: string, id: string): Promise<DepartmentView | undefined> {
  const row = await departmentQuery(db, tenantId).where('d.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

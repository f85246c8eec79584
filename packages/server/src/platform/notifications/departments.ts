import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';

/** Active users of a department and of every department below it (UNION guards against a cycle). */
export async function usersInDepartmentTree(db: DbOrTx, tenantId: string, departmentId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM departments WHERE tenant_id = ${tenantId} AND id = ${departmentId}
      UNION
      SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id WHERE d.tenant_id = ${tenantId}
    )
    SELECT u.id FROM users u
    WHERE u.tenant_id = ${tenantId} AND u.status = 'active' AND u.department_id IN (SELECT id FROM tree)
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function activeUsersOfTenant(db: DbOrTx, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

/** A department and all those above it: announcements to any of them reach its members. */
export async function departmentAndAncestors(db: DbOrTx, tenantId: string, departmentId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM departments WHERE tenant_id = ${tenantId} AND id = ${departmentId}
      UNION
      SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id WHERE d.tenant_id = ${tenantId}
    )
    SELECT id FROM up
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The department tree with member counts, for choosing whom an announcement goes to. */
export async function departmentsWithMembers(db: DbOrTx, tenantId: string) {
  const rows = await db.selectFrom('departments as d')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.department_id', '=', 'd.id').on('u.status', '=', 'active'))
    .select(['d.id', 'd.name', 'd.parent_id', (eb) => eb.fn.count<string>('u.id').as('members')])
    .where('d.tenant_id', '=', tenantId)
    .groupBy(['d.id', 'd.name', 'd.parent_id', 'd.sort_order'])
    .orderBy('d.sort_order').orderBy('d.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, members: Number(r.members) }));
}

import { sql } from 'kysely';
import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { AppError, invalid, notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { lockOrganisation } from '../org-lock';
import { departmentSubtreeIds } from './department-subtree';
import { loadDepartment } from './department-tree';
import type { DepartmentView } from './department.types';

/** Moves a department (with everything below it) under another parent, last among its new siblings. */
export async function moveDepartment(db: Db, actor: Actor, id: string, parentId: string): Promise<DepartmentView> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, tenantId);
    const department = await tx.selectFrom('departments').select('parent_id')
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!department) throw notFound();
    if (department.parent_id === null) throw new AppError(400, 'department_root', 'org.department_root');
    if (department.parent_id === parentId) return (await loadDepartment(tx, tenantId, id))!;

    const parent = await tx.selectFrom('departments').select('id')
      .where('tenant_id', '=', tenantId).where('id', '=', parentId).executeTakeFirst();
    if (!parent) throw invalid('org.parent_not_found');
    // A department cannot sit under itself or under anything below it: the tree would become a loop.
    const inSubtree = await sql<{ found: number }>`SELECT 1 AS found WHERE ${parentId}::uuid IN ${departmentSubtreeIds(tenantId, id)}`.execute(tx);
    if (inSubtree.rows.length > 0) throw new AppError(400, 'department_cycle', 'org.department_cycle');

    const last = await tx.selectFrom('departments').select((eb) => eb.fn.max('sort_order').as('max'))
      .where('tenant_id', '=', tenantId).where('parent_id', '=', parentId).executeTakeFirstOrThrow();
    await tx.updateTable('departments').set({ parent_id: parentId, sort_order: (last.max ?? -1) + 1, updated_at: new Date() })
      .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await writeAudit(tx, {
      ...auditBase(actor), objectType: 'department', recordId: id, action: 'move',
      changes: [{ field: 'parentId', old: department.parent_id, new: parentId }],
    });
    return (await loadDepartment(tx, tenantId, id))!;
  });
}

import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { invalid } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { conflict, withUniqueConflicts } from '../conflicts';
import { lockOrganisation } from '../org-lock';
import { assertValidHead } from './department-head';
import { loadDepartment } from './department-tree';
import type { CreateDepartmentInput, DepartmentView } from './department.types';

/** Adds a department under a parent, last among its siblings. */
export async function createDepartment(db: Db, actor: Actor, input: CreateDepartmentInput): Promise<DepartmentView> {
  const { tenantId } = actor.auth;
  return withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      await lockOrganisation(tx, tenantId);
      const parent = await tx.selectFrom('departments').select('id')
        .where('tenant_id', '=', tenantId).where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw invalid('org.parent_not_found');
      await assertValidHead(tx, tenantId, input.headUserId);
      const last = await tx.selectFrom('departments').select((eb) => eb.fn.max('sort_order').as('max'))
        .where('tenant_id', '=', tenantId).where('parent_id', '=', input.parentId).executeTakeFirstOrThrow();
      const row = await tx.insertInto('departments')
        .values({
          tenant_id: tenantId,
          parent_id: input.parentId,
          name: input.name,
          code: input.code || null,
          head_user_id: input.headUserId ?? null,
          sort_order: (last.max ?? -1) + 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'department', recordId: row.id, action: 'create',
        changes: [
          { field: 'name', old: null, new: input.name },
          { field: 'code', old: null, new: input.code || null },
          { field: 'parentId', old: null, new: input.parentId },
          { field: 'headUserId', old: null, new: input.headUserId ?? null },
        ],
      });
      return (await loadDepartment(tx, tenantId, row.id))!;
    }),
    { departments_code_uq: () => conflict('department_code_taken', 'org.department_code_taken') },
  );
}

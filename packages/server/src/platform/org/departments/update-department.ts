import type { Db } from '../../../db/database';
import { diffFields, writeAudit } from '../../audit/audit';
import { notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { conflict, withUniqueConflicts } from '../conflicts';
import { blankToNull } from '../schemas';
import { loadDepartment } from './department-tree';
import type { DepartmentView, UpdateDepartmentInput } from './department.types';

/** Renames a department and/or changes its code (code unique per company; null clears it). */
export async function updateDepartment(db: Db, actor: Actor, id: string, input: UpdateDepartmentInput): Promise<DepartmentView> {
  const { tenantId } = actor.auth;
  return withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('departments').select(['name', 'code'])
        .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound();
      const after: { name?: string; code?: string | null } = {};
      if (input.name !== undefined) after.name = input.name;
      if (input.code !== undefined) after.code = blankToNull(input.code);
      const changes = diffFields(before, after, ['name', 'code']);
      if (changes.length > 0) {
        await tx.updateTable('departments').set({ ...after, updated_at: new Date() })
          .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
        await writeAudit(tx, { ...auditBase(actor), objectType: 'department', recordId: id, action: 'update', changes });
      }
      return (await loadDepartment(tx, tenantId, id))!;
    }),
    { departments_code_uq: () => conflict('department_code_taken', 'org.department_code_taken') },
  );
}

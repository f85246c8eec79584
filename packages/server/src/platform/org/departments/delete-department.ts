import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { AppError, notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { conflict, isForeignKeyViolation } from '../conflicts';
import { lockOrganisation } from '../org-lock';

/** Deletes a department that is empty: no users (active or disabled) and no sub-departments. */
export async function deleteDepartment(db: Db, actor: Actor, id: string): Promise<void> {
  const { tenantId } = actor.auth;
  try {
    await db.transaction().execute(async (tx) => {
      await lockOrganisation(tx, tenantId);
      const department = await tx.selectFrom('departments').select(['parent_id', 'name', 'code', 'head_user_id'])
        .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      if (!department) throw notFound();
      if (department.parent_id === null) throw new AppError(400, 'department_root', 'org.department_root');
      const [users, children] = await Promise.all([
        tx.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n'))
          .where('tenant_id', '=', tenantId).where('department_id', '=', id).executeTakeFirstOrThrow(),
        tx.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('n'))
          .where('tenant_id', '=', tenantId).where('parent_id', '=', id).executeTakeFirstOrThrow(),
      ]);
      if (Number(users.n) > 0 || Number(children.n) > 0) {
        throw conflict('department_not_empty', 'org.department_not_empty', { users: Number(users.n), children: Number(children.n) });
      }
      await tx.deleteFrom('departments').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'department', recordId: id, action: 'delete',
        changes: [
          { field: 'name', old: department.name, new: null },
          { field: 'code', old: department.code, new: null },
          { field: 'parentId', old: department.parent_id, new: null },
          { field: 'headUserId', old: department.head_user_id, new: null },
        ],
      });
    });
  } catch (error) {
    // Other modules' rows (announcements, later records) may point at the department.
    if (isForeignKeyViolation(error)) throw conflict('department_in_use', 'org.department_in_use');
    throw error;
  }
}

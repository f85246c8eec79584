import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { assertValidHead } from './department-head';
import { loadDepartment } from './department-tree';
import type { DepartmentView } from './department.types';

/** Names the head of a department (null: none). Heads see the records of their department and below (DESIGN §4). */
export async function setDepartmentHead(db: Db, actor: Actor, id: string, userId: string | null): Promise<DepartmentView> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('departments').select('head_user_id')
      .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    await assertValidHead(tx, tenantId, userId);
    if (before.head_user_id !== userId) {
      await tx.updateTable('departments').set({ head_user_id: userId, updated_at: new Date() })
        .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'department', recordId: id, action: 'set_head',
        changes: [{ field: 'headUserId', old: before.head_user_id, new: userId }],
      });
    }
    return (await loadDepartment(tx, tenantId, id))!;
  });
}

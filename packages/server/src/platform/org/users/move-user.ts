import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { invalid } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { lockUser, updateUserRow } from './user-row';
import { loadUserView } from './user-view';
import type { UserView } from './user.types';

/** 用户管理 → 调整部门. The user's records follow them in visibility (DESIGN §4), nothing else moves. */
export async function moveUser(db: Db, actor: Actor, id: string, departmentId: string): Promise<UserView> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    const before = await lockUser(tx, tenantId, id);
    const department = await tx.selectFrom('departments').select('id')
      .where('tenant_id', '=', tenantId).where('id', '=', departmentId).executeTakeFirst();
    if (!department) throw invalid('org.department_not_found');
    if (before.department_id !== departmentId) {
      await updateUserRow(tx, tenantId, id, { department_id: departmentId });
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'user', recordId: id, action: 'move',
        changes: [{ field: 'departmentId', old: before.department_id, new: departmentId }],
      });
    }
    return (await loadUserView(tx, tenantId, id))!;
  });
}

import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { revokeUserCredentials } from '../../auth/sessions';
import { AppError } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { assertAnotherActiveAdmin, assertMayManageUser, holdsAdminRole } from '../admins';
import { lockOrganisation } from '../org-lock';
import { lockUser, updateUserRow } from './user-row';
import { loadUserView } from './user-view';
import type { UserView } from './user.types';

/**
 * 用户管理 → 停用 / 启用. Disabling ends the user's sessions and bearer tokens in the same transaction,
 * so their open browser stops working at its next request; API keys stop too (a disabled user resolves to no one).
 */
export async function setUserStatus(db: Db, actor: Actor, id: string, status: 'active' | 'disabled'): Promise<UserView> {
  const { tenantId, userId } = actor.auth;
  if (status === 'disabled' && id === userId) throw new AppError(400, 'cannot_disable_self', 'org.cannot_disable_self');
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, tenantId);
    const before = await lockUser(tx, tenantId, id);
    await assertMayManageUser(tx, actor.auth, id);
    if (before.status === status) return (await loadUserView(tx, tenantId, id))!;
    if (status === 'disabled') {
      if (await holdsAdminRole(tx, tenantId, id)) await assertAnotherActiveAdmin(tx, tenantId, id);
      await revokeUserCredentials(tx, tenantId, id);
    }
    await updateUserRow(tx, tenantId, id, { status });
    await writeAudit(tx, {
      ...auditBase(actor), objectType: 'user', recordId: id, action: status === 'disabled' ? 'disable' : 'enable',
      changes: [{ field: 'status', old: before.status, new: status }],
    });
    return (await loadUserView(tx, tenantId, id))!;
  });
}

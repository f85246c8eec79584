import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { assertStrongPassword, hashPassword } from '../../auth/passwords';
import { revokeUserCredentials } from '../../auth/sessions';
import { auditBase, type Actor } from '../actor';
import { assertMayManageUser } from '../admins';
import { generateTemporaryPassword } from '../temporary-password';
import { lockUser, updateUserRow } from './user-row';

/**
 * 用户管理 → 重置密码: a temporary password the user must change at next sign-in. Ends the user's
 * sessions (a stolen session must not survive the reset), except the caller's own when resetting themselves.
 */
export async function resetPassword(db: Db, actor: Actor, id: string, given: string | undefined): Promise<{ temporaryPassword: string | null }> {
  const { tenantId } = actor.auth;
  if (given) assertStrongPassword(given);
  const password = given || generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await lockUser(tx, tenantId, id);
    await assertMayManageUser(tx, actor.auth, id);
    await updateUserRow(tx, tenantId, id, { password_hash: passwordHash, must_change_password: true });
    await revokeUserCredentials(tx, tenantId, id, id === actor.auth.userId ? actor.auth.session?.id : undefined);
    // The password itself never enters the log.
    await writeAudit(tx, { ...auditBase(actor), objectType: 'user', recordId: id, action: 'reset_password' });
  });
  return { temporaryPassword: given ? null : password };
}

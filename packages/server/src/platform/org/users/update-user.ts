import type { Db, Tx } from '../../../db/database';
import { diffFields, writeAudit } from '../../audit/audit';
import { versionConflict } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { assertMayManageUser } from '../admins';
import { withUniqueConflicts } from '../conflicts';
import { blankToNull } from '../schemas';
import { assertLoginFree, LOGIN_CONSTRAINTS } from './login-directory';
import { lockUser, updateUserRow } from './user-row';
import { loadUserView } from './user-view';
import type { UpdateUserInput, UserView } from './user.types';

/** A changed email or mobile is no longer verified, so it stops being a sign-in name until verified again. */
async function forgetVerifiedIdentifier(tx: Tx, tenantId: string, userId: string, kind: 'email' | 'mobile') {
  await tx.deleteFrom('login_directory')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('kind', '=', kind).execute();
}

/** 用户管理 → 编辑: name, title, email, mobile and login, keeping the global login directory in step. */
export async function updateUser(db: Db, actor: Actor, id: string, version: number, input: UpdateUserInput): Promise<UserView> {
  const { tenantId } = actor.auth;
  return withUniqueConflicts(
    () => db.transaction().execute(async (tx) => {
      const before = await lockUser(tx, tenantId, id);
      if (before.version !== version) throw versionConflict();
      await assertMayManageUser(tx, actor.auth, id);

      const after: { login?: string; name?: string; title?: string | null; email?: string | null; mobile?: string | null } = {};
      if (input.login !== undefined) after.login = input.login;
      if (input.name !== undefined) after.name = input.name;
      if (input.title !== undefined) after.title = blankToNull(input.title);
      if (input.email !== undefined) after.email = blankToNull(input.email);
      if (input.mobile !== undefined) after.mobile = blankToNull(input.mobile);
      const changes = diffFields(before, after, ['login', 'name', 'title', 'email', 'mobile']);
      if (changes.length === 0) return (await loadUserView(tx, tenantId, id))!;

      const changed = new Set(changes.map((c) => c.field));
      if (changed.has('login') && after.login!.toLowerCase() !== before.login.toLowerCase()) {
        await assertLoginFree(tx, after.login!);
        await tx.updateTable('login_directory').set({ identifier: after.login!.toLowerCase() })
          .where('tenant_id', '=', tenantId).where('user_id', '=', id).where('kind', '=', 'login').execute();
      }
      if (changed.has('email')) await forgetVerifiedIdentifier(tx, tenantId, id, 'email');
      if (changed.has('mobile')) await forgetVerifiedIdentifier(tx, tenantId, id, 'mobile');
      await updateUserRow(tx, tenantId, id, {
        ...after,
        ...(changed.has('email') ? { email_verified_at: null } : {}),
        ...(changed.has('mobile') ? { mobile_verified_at: null } : {}),
      });
      await writeAudit(tx, { ...auditBase(actor), objectType: 'user', recordId: id, action: 'update', changes });
      return (await loadUserView(tx, tenantId, id))!;
    }),
    LOGIN_CONSTRAINTS,
  );
}

import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { AppError, invalid } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { lockOrganisation } from '../org-lock';
import { findActiveUser, lockUser, updateUserRow } from './user-row';
import { loadUserView } from './user-view';
import type { UserView } from './user.types';

/** Whether `userId` appears in the chain of superiors above `startId` (startId included). */
async function isInSuperiorChain(tx: Tx, tenantId: string, startId: string, userId: string): Promise<boolean> {
  // UNION (not UNION ALL) stops at users already seen, so the walk ends even on bad data.
  const result = await sql<{ found: number }>`
    WITH RECURSIVE chain(id, superior_id) AS (
      SELECT id, superior_id FROM users WHERE tenant_id = ${tenantId} AND id = ${startId}
      UNION
      SELECT u.id, u.superior_id FROM users u JOIN chain c ON u.id = c.superior_id WHERE u.tenant_id = ${tenantId}
    ) SELECT 1 AS found FROM chain WHERE id = ${userId}`.execute(tx);
  return result.rows.length > 0;
}

/** 用户管理 → 设置上级 (null: none). A user cannot report to themselves or to someone who reports to them. */
export async function setSuperior(db: Db, actor: Actor, id: string, superiorId: string | null): Promise<UserView> {
  const { tenantId } = actor.auth;
  if (superiorId === id) throw new AppError(400, 'superior_self', 'org.superior_self');
  return db.transaction().execute(async (tx) => {
    await lockOrganisation(tx, tenantId);
    const before = await lockUser(tx, tenantId, id);
    if (superiorId) {
      if (!(await findActiveUser(tx, tenantId, superiorId))) throw invalid('org.superior_invalid');
      if (await isInSuperiorChain(tx, tenantId, superiorId, id)) throw new AppError(400, 'superior_cycle', 'org.superior_cycle');
    }
    if (before.superior_id !== superiorId) {
      await updateUserRow(tx, tenantId, id, { superior_id: superiorId });
      await writeAudit(tx, {
        ...auditBase(actor), objectType: 'user', recordId: id, action: 'set_superior',
        changes: [{ field: 'superiorId', old: before.superior_id, new: superiorId }],
      });
    }
    return (await loadUserView(tx, tenantId, id))!;
  });
}

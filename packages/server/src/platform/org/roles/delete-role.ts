import type { Db } from '../../../db/database';
import { writeAudit } from '../../audit/audit';
import { AppError, notFound } from '../../http/errors';
import { auditBase, type Actor } from '../actor';
import { conflict } from '../conflicts';
import { lockOrganisation } from '../org-lock';

/** Deletes a role the company added, once no user (active or disabled) holds it. */
export async function deleteRole(db: Db, actor: Actor, id: string): Promise<void> {
  const { tenantId } = actor.auth;
  await db.transaction().execute(async (tx) => {
    // Under the organisation lock, no one can be given the role between the count and the delete.
    await lockOrganisation(tx, tenantId);
    const role = await tx.selectFrom('roles').select(['key', 'name_zh', 'name_en', 'permissions'])
      .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!role) throw notFound();
    if (role.key !== null) throw new AppError(400, 'role_built_in', 'org.role_built_in');
    const holders = await tx.selectFrom('user_roles').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId).where('role_id', '=', id).executeTakeFirstOrThrow();
    if (Number(holders.n) > 0) throw conflict('role_in_use', 'org.role_in_use', { count: Number(holders.n) });
    await tx.deleteFrom('roles').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await writeAudit(tx, {
      ...auditBase(actor), objectType: 'role', recordId: id, action: 'delete',
      changes: [
        { field: 'nameZh', old: role.name_zh, new: null },
        { field: 'nameEn', old: role.name_en, new: null },
        { field: 'permissions', old: role.permissions, new: null },
      ],
    });
  });
}

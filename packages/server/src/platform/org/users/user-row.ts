import { sql } from 'kysely';
import type { Tx } from '../../../db/database';
import type { UserUpdate } from '../../../db/schema';
import { notFound } from '../../http/errors';

/** Reads a user for change, locking the row until the transaction ends; 404 when not in this company. */
export async function lockUser(tx: Tx, tenantId: string, id: string) {
  const user = await tx
    .selectFrom('users')
    .select(['id', 'login', 'name', 'title', 'email', 'mobile', 'department_id', 'superior_id', 'status', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw notFound();
  return user;
}

/** Writes changed user columns and moves the version on, so editors holding the old version get 409. */
export async function updateUserRow(tx: Tx, tenantId: string, id: string, set: UserUpdate): Promise<void> {
  await tx.updateTable('users')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** An active user of the same company, or undefined. */
export async function findActiveUser(tx: Tx, tenantId: string, id: string) {
  return tx.selectFrom('users').select('id')
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
}

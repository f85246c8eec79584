import type { DbOrTx } from '../../../db/database';
import { invalid } from '../../http/errors';

/** A department head must be an active user of the same company. */
export async function assertValidHead(db: DbOrTx, tenantId: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await db.selectFrom('users').select('status')
    .where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  if (user?.status !== 'active') throw invalid('org.head_invalid');
}

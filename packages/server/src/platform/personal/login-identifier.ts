import type { DbOrTx, Tx } from '../../db/database';
import { AppError } from '../http/errors';

type Channel = 'email' | 'mobile';

export const identifierTaken = (channel: Channel) =>
  new AppError(409, `${channel}_taken`, channel === 'email' ? 'personal.email_taken' : 'personal.mobile_taken');

/**
 * Refuses an address another user signs in with. login_directory is global (sign-in happens before
 * the company is known), so this look-up deliberately has no tenant filter.
 */
export async function assertIdentifierFree(db: DbOrTx, tenantId: string, userId: string, channel: Channel, value: string) {
  const entry = await db.selectFrom('login_directory').select(['tenant_id', 'user_id'])
    .where('identifier', '=', value.toLowerCase()).executeTakeFirst();
  if (entry && !(entry.tenant_id === tenantId && entry.user_id === userId)) throw identifierTaken(channel);
}

/**
 * Makes a verified email or mobile a sign-in name of the user (§2.2), replacing the one of the same
 * kind it had. Two users racing for one address: one wins, the other gets 409.
 */
export async function claimLoginIdentifier(tx: Tx, tenantId: string, userId: string, channel: Channel, value: string): Promise<void> {
  const identifier = value.toLowerCase();
  await assertIdentifierFree(tx, tenantId, userId, channel, identifier);
  await tx.deleteFrom('login_directory')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('kind', '=', channel).where('identifier', '<>', identifier)
    .execute();
  // Already this user's (their login name, say): nothing to add. A concurrent claim by someone
  // else waits here for the other transaction, and the check below then sees it and refuses.
  await tx.insertInto('login_directory').values({ identifier, kind: channel, tenant_id: tenantId, user_id: userId })
    .onConflict((oc) => oc.column('identifier').doNothing())
    .execute();
  await assertIdentifierFree(tx, tenantId, userId, channel, identifier);
}

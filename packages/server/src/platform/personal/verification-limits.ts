import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { AppError } from '../http/errors';

/** At most five emails or text messages an hour per user: verification must not become a way to spam an address. */
const MAX_REQUESTS_PER_HOUR = 5;

export async function assertVerificationAllowed(db: DbOrTx, tenantId: string, userId: string, channel: 'email' | 'mobile') {
  const row = await db.selectFrom('verifications').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('channel', '=', channel)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= MAX_REQUESTS_PER_HOUR) throw new AppError(429, 'verification_rate_limited', 'personal.verification_rate_limited');
}

import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../http/errors';

// §2.2 sign-in: 5 failures lock an account for 15 minutes; 30 failures from one address block it as long.
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;
export const WINDOW_MINUTES = 15;

async function failuresSince(db: Db, scope: 'account' | 'ip', key: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('failed_at').as('first')])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('failed_at', '>', sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first as Date | null };
}

/** Refuses a sign-in attempt before the password is checked when either counter is over its limit. */
export async function assertLoginAllowed(db: Db, account: string, ip: string): Promise<void> {
  const [byAccount, byIp] = await Promise.all([failuresSince(db, 'account', account), failuresSince(db, 'ip', ip)]);
  if (byAccount.count >= ACCOUNT_MAX_FAILURES) {
    const unlockAt = (byAccount.first?.getTime() ?? Date.now()) + WINDOW_MINUTES * 60_000;
    const minutes = Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000));
    throw new AppError(429, 'account_locked', 'auth.locked', { minutes });
  }
  if (byIp.count >= IP_MAX_FAILURES) throw new AppError(429, 'ip_rate_limited', 'auth.ip_limited');
}

export async function recordLoginFailure(db: Db, account: string, ip: string): Promise<void> {
  await db.insertInto('login_failures').values([{ scope: 'account', key: account }, { scope: 'ip', key: ip }]).execute();
  // Keep the table small: old rows no longer count towards any window.
  await db.deleteFrom('login_failures').where('failed_at', '<', sql<Date>`now() - interval '1 day'`).execute();
}

export async function clearAccountFailures(db: Db, account: string): Promise<void> {
  await db.deleteFrom('login_failures').where('scope', '=', 'account').where('key', '=', account).execute();
}

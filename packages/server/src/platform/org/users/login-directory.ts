import type { Tx } from '../../../db/database';
import { conflict } from '../conflicts';

export const loginTaken = () => conflict('login_taken', 'org.login_taken');

/** Sign-in names are global (login_directory): a login is free only if no one anywhere uses it as any identifier. */
export async function assertLoginFree(tx: Tx, login: string): Promise<void> {
  const entry = await tx.selectFrom('login_directory').select('identifier').where('identifier', '=', login.toLowerCase()).executeTakeFirst();
  if (entry) throw loginTaken();
}

/** Unique indexes that mean "this login is taken", for withUniqueConflicts. */
export const LOGIN_CONSTRAINTS = { login_directory_pkey: loginTaken, users_login_uq: loginTaken };

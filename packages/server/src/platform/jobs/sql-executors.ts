import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { DbOrTx } from '../../db/database';

/** What pg-boss runs its SQL through (its `db` option): lets it share our pool or join our transaction. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss on the app's pool rather than a second pool of its own. */
export function poolExecutor(pool: pg.Pool): SqlExecutor {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * pg-boss inside a Kysely transaction: a job sent this way exists only if the transaction commits,
 * so a rolled-back request never leaves a job behind and a committed one never lacks its job.
 */
export function kyselyExecutor(db: DbOrTx): SqlExecutor {
  return { executeSql: (text, values) => db.executeQuery(CompiledQuery.raw(text, values ?? [])) };
}

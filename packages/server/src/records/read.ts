import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database';
import { forbidden, notFound } from '../platform/http/errors';
import type { RecordScope } from './scope';
import { R } from './sql-ref';
import { assertUuid } from './values';
import { canManage, canRead, canWrite } from './visibility';

export type Access = 'read' | 'write' | 'manage';

const predicate = (scope: RecordScope, access: Access): RawBuilder<SqlBool> =>
  access === 'read' ? canRead(scope.object, scope.viewer) : access === 'write' ? canWrite(scope.object, scope.viewer) : canManage(scope.object, scope.viewer);

/**
 * One row the user may reach with the given access, locked for update when asked. A record that
 * does not exist and one the user may not see both answer 404, so ids reveal nothing.
 */
export async function findRow(db: DbOrTx, scope: RecordScope, id: string, access: Access = 'read', lock = false): Promise<Record<string, unknown>> {
  assertUuid(id);
  const row = await findRowOrNull(db, scope, id, access, lock);
  if (!row) {
    // Someone who may read the record learns nothing new from a 403; everyone else gets 404.
    if (access !== 'read' && (await findRowOrNull(db, scope, id, 'read', false))) throw forbidden();
    throw notFound();
  }
  return row;
}

async function findRowOrNull(db: DbOrTx, scope: RecordScope, id: string, access: Access, lock: boolean) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${sql.ref(R)}.* FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${id}::uuid
      AND ${predicate(scope, access)}
    ${lock ? sql`FOR UPDATE OF ${sql.ref(R)}` : sql``}`.execute(db);
  return rows[0] ?? null;
}

import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { loadObject, type EngineField } from '../metadata/registry';
import { AppError, invalid } from '../platform/http/errors';
import type { RecordScope } from './scope';
import { R } from './sql-ref';
import { canRead } from './visibility';

/**
 * Every id a write points to must be in the same company and, for record lookups, visible to the
 * writer: nobody links to (and so learns about) a record they may not see.
 */
export async function assertReferences(db: DbOrTx, scope: RecordScope, values: Map<EngineField, unknown>): Promise<void> {
  const tenantId = scope.auth.tenantId;
  for (const [field, value] of values) {
    if (typeof value !== 'string') continue;
    if (field.type === 'user') {
      const user = await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', '=', value).where('status', '=', 'active').executeTakeFirst();
      if (!user) throw invalid('records.bad_reference', { field: field.label.zh }, [{ field: field.key, reason: 'bad_reference' }]);
    } else if (field.type === 'department') {
      const dept = await db.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).where('id', '=', value).executeTakeFirst();
      if (!dept) throw invalid('records.bad_reference', { field: field.label.zh }, [{ field: field.key, reason: 'bad_reference' }]);
    } else if (field.type === 'lookup' && field.lookup) {
      const target = await loadObject(db, tenantId, field.lookup);
      const targetScope = { ...scope, object: target };
      const { rows } = await sql`SELECT 1 FROM ${sql.table(target.table)} AS ${sql.ref(R)}
        WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${value}::uuid AND ${canRead(target, targetScope.viewer)}`.execute(db);
      if (rows.length === 0) throw invalid('records.bad_reference', { field: field.label.zh }, [{ field: field.key, reason: 'bad_reference' }]);
    }
  }
}

/** Turns database constraint errors into the API's answers (unique values, rows still referenced). */
export function translateDbError(error: unknown, scope: RecordScope): never {
  const e = error as { code?: string; constraint?: string; table?: string; detail?: string };
  if (e.code === '23505') {
    const field = scope.object.fields.find((f) => f.column && e.constraint?.includes(f.column));
    throw new AppError(409, 'duplicate_value', 'records.duplicate_value', { field: field?.label.zh ?? '' });
  }
  if (e.code === '23503') throw new AppError(409, 'referenced', 'records.referenced', { detail: e.table ?? '' });
  throw error;
}

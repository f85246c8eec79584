import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { EngineField } from '../metadata/registry';
import { writeAudit } from '../platform/audit/audit';
import type { FieldChange } from '../db/schema';
import type { RecordScope } from './scope';

/** SQL value for a field's column: JSON for regions, typed arrays for multi-selects, parameters otherwise. */
export function columnValue(field: EngineField, value: unknown): RawBuilder<unknown> {
  if (value === null) return sql`NULL`;
  if (field.type === 'region') return sql`${JSON.stringify(value)}::jsonb`;
  if (field.type === 'multipicklist') return sql`${value}::text[]`;
  return sql`${value}`;
}

const AUTONUMBER_PREFIX: Record<string, string> = { contractNo: 'HT', orderNo: 'DD' };

/**
 * Next value of an auto-number field (合同编号 HT000001 …), counted per company without gaps in a
 * transaction. Custom auto-numbers carry their own prefix and digits.
 */
export async function nextAutonumber(db: DbOrTx, tenantId: string, objectKey: string, field: EngineField): Promise<string> {
  const row = await db
    .insertInto('autonumber_counters')
    .values({ tenant_id: tenantId, object: objectKey, field_key: field.key })
    .onConflict((oc) => oc.columns(['tenant_id', 'object', 'field_key']).doUpdateSet({ next_value: sql`autonumber_counters.next_value + 1` }))
    .returning('next_value')
    .executeTakeFirstOrThrow();
  const format = field.autonumber ?? { prefix: AUTONUMBER_PREFIX[field.key] ?? 'NO', digits: 6 };
  return `${format.prefix}${String(row.next_value).padStart(format.digits, '0')}`;
}

export async function auditRecord(db: DbOrTx, scope: RecordScope, recordId: string, action: string, changes: FieldChange[] = []) {
  await writeAudit(db, {
    tenantId: scope.auth.tenantId, actorId: scope.auth.userId, objectType: scope.object.key, recordId, action, changes, requestId: scope.requestId,
  });
}

import type { DbOrTx } from '../../db/database';
import type { FieldChange } from '../../db/schema';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  objectType: string;
  recordId: string;
  action: string;
  changes?: FieldChange[];
  requestId?: string;
}

/** Appends to the operation log; call inside the transaction of the change itself. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      actor_id: entry.actorId,
      object_type: entry.objectType,
      record_id: entry.recordId,
      action: entry.action,
      changes: JSON.stringify(entry.changes ?? []),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/** The fields whose values differ between two versions of a row, as old → new pairs. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after)) continue;
    const old = before[field] ?? null;
    const next = after[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(next)) changes.push({ field, old, new: next });
  }
  return changes;
}

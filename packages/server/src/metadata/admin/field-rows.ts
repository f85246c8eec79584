import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import type { FieldChange } from '../../db/schema';
import type { AuthContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import { invalid } from '../../platform/http/errors';
import { loadObject, type EngineField, type EngineObject, type FieldSettings } from '../registry';
import type { AdminField } from './field.types';
import { fieldPermits } from './field-rules';
import './messages';

/** Who changes the metadata, for the operation log. */
export interface Actor {
  auth: AuthContext;
  requestId?: string;
}

/** A `field_settings` row's settings as this module writes them: the field's metadata and its index wish. */
export type StoredSettings = FieldSettings & { indexed?: boolean };

/**
 * Serialises metadata changes of one object in one company: a generated key, the next sort place
 * and "is this option still used" are decided with no other change of that object in between.
 */
export async function lockObjectMetadata(tx: Tx, tenantId: string, object: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`metadata:${tenantId}:${object}`}, 0))`.execute(tx);
}

export async function readSettings(db: DbOrTx, tenantId: string, object: string) {
  const rows = await db.selectFrom('field_settings').select(['field_key', 'custom', 'settings', 'sort_order'])
    .where('tenant_id', '=', tenantId).where('object', '=', object).execute();
  return new Map(rows.map((r) => [r.field_key, { custom: r.custom, settings: r.settings as StoredSettings, sortOrder: r.sort_order }]));
}

/** Writes a field's settings row (creating it for a standard field the company has not changed before). */
export async function saveSettings(tx: Tx, tenantId: string, object: string, key: string, custom: boolean, settings: StoredSettings, sortOrder?: number) {
  await tx.insertInto('field_settings')
    .values({ tenant_id: tenantId, object, field_key: key, custom, settings: JSON.stringify(settings), sort_order: sortOrder ?? 0 })
    .onConflict((oc) => oc.columns(['tenant_id', 'object', 'field_key']).doUpdateSet({
      settings: JSON.stringify(settings), updated_at: new Date(), ...(sortOrder === undefined ? {} : { sort_order: sortOrder }),
    }))
    .execute();
}

export async function auditMetadata(tx: Tx, actor: Actor, recordId: string, action: string, changes: FieldChange[]) {
  await writeAudit(tx, {
    tenantId: actor.auth.tenantId, actorId: actor.auth.userId, objectType: 'metadata', recordId, action, changes, requestId: actor.requestId,
  });
}

/** The object and one of its fields, for a change: 404-like 400 when the key is not a field of it. */
export async function loadField(tx: Tx, tenantId: string, objectKey: string, key: string): Promise<{ object: EngineObject; field: EngineField }> {
  const object = await loadObject(tx, tenantId, objectKey);
  const field = object.field(key);
  if (!field) throw invalid('metadata.unknown_field', { field: key });
  return { object, field };
}

/** A field as 系统设置 → 对象与字段 shows it: its metadata, whether it is indexed, and what may change. */
export function adminView(object: EngineObject, field: EngineField, stored: StoredSettings | undefined): AdminField {
  return {
    key: field.key, label: field.label, type: field.type, custom: field.custom, required: field.required, onCreate: field.onCreate,
    readOnly: field.readOnly, retired: field.retired, maxLength: field.maxLength ?? null, options: field.options ?? null,
    lookup: field.lookup ?? null, autonumber: field.autonumber ?? null, indexed: field.custom && stored?.indexed === true,
    can: fieldPermits(object, field),
  };
}

/** Every field of the object as the settings screen lists it, retired ones included, in form order. */
export async function adminFields(db: DbOrTx, tenantId: string, objectKey: string): Promise<AdminField[]> {
  const [object, stored] = await Promise.all([loadObject(db, tenantId, objectKey), readSettings(db, tenantId, objectKey)]);
  return object.fields.map((f) => adminView(object, f, stored.get(f.key)?.settings));
}

export async function adminField(db: DbOrTx, tenantId: string, objectKey: string, key: string): Promise<AdminField> {
  const field = (await adminFields(db, tenantId, objectKey)).find((f) => f.key === key);
  if (!field) throw invalid('metadata.unknown_field', { field: key });
  return field;
}

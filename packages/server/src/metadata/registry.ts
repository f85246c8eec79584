import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import type { StandardField, StandardObject } from './define';
import { standardObject } from './objects';
import { notFound } from '../platform/http/errors';

/** A field as the engine uses it: its metadata and where its value lives. */
export interface EngineField extends FieldMeta {
  /** The column of a standard field; null for custom fields (stored in `custom`). */
  column: string | null;
  defaultValue?: unknown;
}

export interface EngineObject extends Omit<StandardObject, 'fields'> {
  fields: EngineField[];
  field(key: string): EngineField | undefined;
}

type FieldSettings = Partial<Pick<FieldMeta, 'label' | 'type' | 'required' | 'onCreate' | 'retired' | 'options' | 'maxLength' | 'lookup' | 'unique'>>;

/**
 * The object as one company sees it: standard fields with the administrator's settings applied
 * (required, on the create form, picklist options), followed by the company's custom fields.
 * Read per request: two processes never disagree about a field that was just added.
 */
export async function loadObject(db: DbOrTx, tenantId: string, objectKey: string): Promise<EngineObject> {
  const base = standardObject(objectKey);
  if (!base) throw notFound();
  const rows = await db
    .selectFrom('field_settings')
    .select(['field_key', 'custom', 'settings'])
    .where('tenant_id', '=', tenantId)
    .where('object', '=', objectKey)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute();
  const settings = new Map(rows.filter((r) => !r.custom).map((r) => [r.field_key, r.settings as FieldSettings]));
  const fields: EngineField[] = base.fields.map((f: StandardField) => ({ ...f, ...(settings.get(f.key) ?? {}), key: f.key, type: f.type, column: f.column, custom: false }));
  for (const row of rows.filter((r) => r.custom)) {
    const s = row.settings as FieldSettings;
    fields.push({
      key: row.field_key, label: s.label ?? { zh: row.field_key, en: row.field_key }, type: s.type ?? 'text',
      required: s.required ?? false, onCreate: s.onCreate ?? false, retired: s.retired ?? false, readOnly: false,
      custom: true, column: null, options: s.options, maxLength: s.maxLength, lookup: s.lookup, unique: s.unique,
    });
  }
  return { ...base, fields, field: (key) => fields.find((f) => f.key === key) };
}

/** The metadata clients read (GET /api/v1/metadata/objects/<object>). */
export function publicMeta(object: EngineObject): ObjectMeta {
  return {
    key: object.key, label: object.label, nameField: object.nameField, owned: object.owned, defaultColumns: object.defaultColumns,
    fields: object.fields.map(({ column: _c, defaultValue: _d, ...meta }) => meta),
  };
}

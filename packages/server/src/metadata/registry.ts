import type { FieldMeta, ObjectMeta, PicklistOption } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import type { StandardField, StandardObject } from './define';
import { standardObject } from './objects';
import { optionSourceOf } from './option-sources';
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

/** What a `field_settings` row may hold (metadata/admin writes it; see admin/field-settings.ts). */
export type FieldSettings = Partial<Pick<FieldMeta, 'label' | 'type' | 'required' | 'onCreate' | 'retired' | 'options' | 'maxLength' | 'lookup' | 'autonumber'>>;

/** A field's place when the administrator has arranged them; unarranged fields keep their natural order after. */
const UNARRANGED = 1_000_000;

/** Standard fields take only what an administrator may change; a standard field's own "required" is a floor. */
function applyStandardSettings(f: StandardField, s: FieldSettings | undefined): EngineField {
  if (!s) return { ...f, custom: false };
  const picklist = f.type === 'picklist' || f.type === 'multipicklist';
  return {
    ...f,
    label: s.label ?? f.label,
    required: f.required || (s.required ?? false),
    onCreate: s.onCreate ?? f.onCreate,
    options: picklist && s.options ? s.options : f.options,
    custom: false,
  };
}

function customField(key: string, s: FieldSettings): EngineField {
  const type = s.type ?? 'text';
  return {
    key, label: s.label ?? { zh: key, en: key }, type,
    required: s.required ?? false, onCreate: s.onCreate ?? false, retired: s.retired ?? false,
    // Auto-numbers are drawn by the engine, never written by a client, like the standard ones.
    readOnly: type === 'autonumber',
    custom: true, column: null, options: s.options, maxLength: s.maxLength, lookup: s.lookup, autonumber: s.autonumber,
  };
}

/**
 * The object as one company sees it: standard fields with the administrator's settings applied
 * (required, on the create form, picklist options), followed by the company's custom fields, in the
 * order the administrator arranged. Read per request: two processes never disagree about a field
 * that was just added.
 */
export async function loadObject(db: DbOrTx, tenantId: string, objectKey: string): Promise<EngineObject> {
  const base = standardObject(objectKey);
  if (!base) throw notFound();
  const rows = await db
    .selectFrom('field_settings')
    .select(['field_key', 'custom', 'settings', 'sort_order'])
    .where('tenant_id', '=', tenantId)
    .where('object', '=', objectKey)
    .orderBy('created_at')
    .orderBy('field_key')
    .execute();
  const settings = new Map(rows.filter((r) => !r.custom).map((r) => [r.field_key, r.settings as FieldSettings]));
  const place = new Map(rows.filter((r) => r.sort_order > 0).map((r) => [r.field_key, r.sort_order]));
  const natural: EngineField[] = [
    ...base.fields.map((f) => applyStandardSettings(f, settings.get(f.key))),
    ...rows.filter((r) => r.custom).map((r) => customField(r.field_key, r.settings as FieldSettings)),
  ];
  const sourced = new Map(await Promise.all(natural.filter((f) => f.dynamicOptions && optionSourceOf(objectKey, f.key))
    .map(async (f) => [f.key, await optionSourceOf(objectKey, f.key)!(db, tenantId)] as const)));
  const poolGroups = natural.some((f) => f.dynamicOptions && !sourced.has(f.key)) ? await poolGroupOptions(db, tenantId, objectKey) : [];
  const fields = natural
    .map((f) => (f.dynamicOptions ? { ...f, options: sourced.get(f.key) ?? poolGroups } : f))
    .map((f, index) => ({ f, rank: place.get(f.key) ?? UNARRANGED + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ f }) => f);
  return { ...base, fields, field: (key) => fields.find((f) => f.key === key) };
}

/** 所属公海's options: the company's groups of this object, in their order. */
async function poolGroupOptions(db: DbOrTx, tenantId: string, objectKey: string): Promise<PicklistOption[]> {
  const rows = await db.selectFrom('pool_groups').select(['id', 'name'])
    .where('tenant_id', '=', tenantId).where('object', '=', objectKey as 'lead' | 'account')
    .orderBy('sort_order').orderBy('created_at').execute();
  return rows.map((g) => ({ value: g.id, label: { zh: g.name, en: g.name }, enabled: true }));
}

/** The metadata clients read (GET /api/v1/metadata/objects/<object>). */
export function publicMeta(object: EngineObject): ObjectMeta {
  return {
    key: object.key, label: object.label, nameField: object.nameField, owned: object.owned, defaultColumns: object.defaultColumns,
    fields: object.fields.map(({ column: _c, ...meta }) => meta),
  };
}

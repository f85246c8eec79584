import type { FieldType } from '@yixiao/core';
import type { StandardField } from '../define';
import { standardObject } from '../objects';
import type { EngineField, EngineObject } from '../registry';

/** Text-like types, whose values have a maximum length, and the largest an administrator may set. */
export const MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 500, textarea: 20_000, phone: 40, email: 200, url: 500 };

/**
 * Types whose value in `custom` has an immutable SQL expression (sql-ref.ts fieldRef), so that an
 * expression index can hold it. Text → date / timestamptz casts depend on session settings and
 * are not immutable; multi-selects and regions are JSON, served by the table's GIN index.
 */
export const INDEXABLE: ReadonlySet<FieldType> = new Set<FieldType>([
  'text', 'textarea', 'phone', 'email', 'url', 'picklist', 'autonumber', 'number', 'currency', 'percent', 'boolean', 'lookup', 'user', 'department',
]);

/** Standard fields the engine fills itself on create (the owner's department): never "required" of the user. */
const ENGINE_FILLED = new Set(['departmentId', 'poolGroupId']);
/** Standard fields with a value even when the form leaves them empty (the owner defaults to the creator). */
const ENGINE_DEFAULTED = new Set(['ownerId', 'departmentId']);

export const standardDefinition = (object: EngineObject, key: string): StandardField | undefined =>
  standardObject(object.key)?.fields.find((f) => f.key === key);

export const isPicklist = (type: FieldType) => type === 'picklist' || type === 'multipicklist';

/** Whether a create form may leave the field empty and still store a value. */
export const hasDefault = (field: EngineField) => field.defaultValue !== undefined || (!field.custom && ENGINE_DEFAULTED.has(field.key));

/** What an administrator may change on a field; the server enforces it and the settings screen shows it. */
export function fieldPermits(object: EngineObject, field: EngineField) {
  const standard = field.custom ? undefined : standardDefinition(object, field.key);
  const writable = !field.readOnly;
  const required = writable && !standard?.required && !(standard && ENGINE_FILLED.has(field.key));
  return {
    required,
    // A required field without a default must be on the create form, or nobody could create a record.
    onCreate: writable && !(field.required && !hasDefault(field)),
    // 所属公海's options are the pool groups, edited under 公海池设置.
    options: writable && isPicklist(field.type) && !field.dynamicOptions,
    retire: field.custom,
    maxLength: field.custom && MAX_LENGTH[field.type] !== undefined,
    index: field.custom && INDEXABLE.has(field.type),
  };
}

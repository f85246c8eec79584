import { sql, type RawBuilder } from 'kysely';
import type { EngineField } from '../metadata/registry';

/** The alias every engine query gives the object's table. */
export const R = 'r';

export const CUSTOM_CAST: Partial<Record<EngineField['type'], string>> = {
  number: 'numeric', currency: 'numeric', percent: 'numeric', date: 'date', datetime: 'timestamptz', boolean: 'boolean',
  lookup: 'uuid', user: 'uuid', department: 'uuid',
};

/**
 * The SQL expression of a field's value: its column, or its typed value inside `custom`.
 * Keys come from metadata, never from the request, so identifiers are safe; values are parameters.
 */
export function fieldRef(field: EngineField): RawBuilder<unknown> {
  if (field.column) return sql.ref(`${R}.${field.column}`);
  if (field.type === 'multipicklist' || field.type === 'region') return sql`(${sql.ref(`${R}.custom`)} -> ${sql.lit(field.key)})`;
  const cast = CUSTOM_CAST[field.type];
  const text = sql`(${sql.ref(`${R}.custom`)} ->> ${sql.lit(field.key)})`;
  return cast ? sql`${text}::${sql.raw(cast)}` : text;
}

/**
 * What a list sorts a field by: its value, except for the structured types. A region sorts as
 * "province city district"; a multi-select by its values in order, element by element.
 */
export function sortRef(field: EngineField): RawBuilder<unknown> {
  const value = fieldRef(field);
  if (field.type === 'region') return sql`nullif(concat_ws(' ', ${value} ->> 'province', ${value} ->> 'city', ${value} ->> 'district'), '')`;
  if (field.type === 'multipicklist' && !field.column) return sql`nullif(ARRAY(SELECT jsonb_array_elements_text(${value})), '{}'::text[])`;
  return value;
}

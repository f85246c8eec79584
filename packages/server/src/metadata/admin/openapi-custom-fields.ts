import { z } from 'zod';
import type { DbOrTx } from '../../db/database';
import type { OpenApiExtender } from '../../platform/http/openapi';
import { valueSchema } from '../../records/schemas';
import { STANDARD_OBJECTS } from '../objects';
import { loadObject, type EngineField } from '../registry';

const pascal = (key: string) => key[0]!.toUpperCase() + key.slice(1);

/** One field's value as JSON Schema, from the same zod schema as the standard components, with the company's options. */
function jsonSchemaOf(field: EngineField, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(valueSchema(field, true), { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return field.custom ? { ...schema, 'x-custom-field': true } : schema;
}

/**
 * The signed-in caller's OpenAPI document carries their company's metadata in the object
 * components (Lead, LeadWrite and their input variants): custom fields with their types, and
 * picklists with the company's options, so a generated client knows them. Retired fields are left
 * out; auto-numbers appear on records only, as they are never written.
 */
export function customFieldsInOpenApi(db: DbOrTx): OpenApiExtender {
  return async (document, auth) => {
    const schemas = document.components?.schemas;
    if (!schemas) return;
    const rows = await db.selectFrom('field_settings').select('object')
      .where('tenant_id', '=', auth.tenantId).groupBy('object').execute();
    const changed = new Set(rows.map((r) => r.object));
    for (const standard of STANDARD_OBJECTS.filter((o) => changed.has(o.key))) {
      const object = await loadObject(db, auth.tenantId, standard.key);
      const described = object.fields.filter((f) => !f.retired && (f.custom || f.type === 'picklist'));
      const name = pascal(object.key);
      for (const [component, io, writable] of [[name, 'output', false], [`${name}Input`, 'input', false], [`${name}Write`, 'output', true], [`${name}WriteInput`, 'input', true]] as const) {
        const schema = schemas[component];
        if (!schema) continue;
        const properties = (schema.properties ?? {}) as Record<string, unknown>;
        for (const field of described.filter((f) => !writable || !f.readOnly)) properties[field.key] = jsonSchemaOf(field, io);
        schema.properties = properties;
      }
    }
  };
}

import { z } from 'zod';
import { FIELD_TYPES, filterSchema } from '@yixiao/core';
import type { StandardField, StandardObject } from '../metadata/define';
import type { FieldMeta } from '@yixiao/core';

/**
 * Schema of one field's value as the API reads and writes it (null when empty). Companies add
 * options to standard picklists, so the static schema names the standard options without enforcing
 * them (the engine checks values against the company's metadata); `exactOptions` is for a schema
 * built from one company's metadata, such as its own OpenAPI document.
 */
export function valueSchema(field: Pick<FieldMeta, 'type' | 'label' | 'options' | 'maxLength'>, exactOptions = false): z.ZodType {
  const describe = (s: z.ZodType) => s.describe(`${field.label.zh} / ${field.label.en}`);
  const values = field.options?.map((o) => o.value) ?? [];
  switch (field.type) {
    case 'number': case 'percent': return describe(z.string().describe('decimal').nullable());
    case 'currency': return describe(z.string().regex(/^-?\d+(\.\d{1,2})?$/).nullable());
    case 'date': return describe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable());
    case 'datetime': return describe(z.string().nullable());
    case 'boolean': return describe(z.boolean().nullable());
    case 'picklist':
      if (exactOptions && values.length) return describe(z.enum(values as [string, ...string[]]).nullable());
      return z.string().nullable().describe(`${field.label.zh} / ${field.label.en}${values.length ? ` (${values.join(', ')}, …)` : ''}`);
    case 'multipicklist': return describe(z.array(z.string()).nullable());
    case 'lookup': case 'user': case 'department': return describe(z.guid().nullable());
    case 'region': return describe(z.object({ province: z.string().optional(), city: z.string().optional(), district: z.string().optional() }).nullable());
    default: return describe(z.string().nullable());
  }
}

const pascal = (key: string) => key[0]!.toUpperCase() + key.slice(1);

/** The record as answered: id, version, every standard field, custom fields (cf_…) and display names. */
export function recordSchema(object: StandardObject) {
  const shape: Record<string, z.ZodType> = { id: z.guid(), version: z.number().int() };
  for (const f of object.fields) shape[f.key] = valueSchema(f);
  shape.display = z.record(z.string(), z.string()).optional().describe('Names of referenced users, departments and records, by field key');
  return z.object(shape).catchall(z.unknown()).meta({ id: pascal(object.key) });
}

/** What a create or update takes: any writable field (custom ones too); the engine validates by metadata. */
export function recordInputSchema(object: StandardObject) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of object.fields.filter((f: StandardField) => !f.readOnly)) shape[f.key] = valueSchema(f).optional();
  return z.object(shape).catchall(z.unknown()).meta({ id: `${pascal(object.key)}Write` });
}

export const listQuerySchema = z.object({
  filter: z.string().max(20_000).optional().describe('Filter tree as JSON: {"and":[{"field":"status","op":"eq","value":"未处理"}]}'),
  view: z.enum(['mine', 'team', 'all', 'stale7']).optional().describe('System view: 我负责的 / 我参与的 / 全部 / 7天未跟进的'),
  viewId: z.guid().optional().describe('A saved view of the user'),
  sort: z.string().max(200).optional().describe('Comma-separated field keys, "-" for descending'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const idsSchema = z.array(z.guid()).min(1).max(500);

export const batchResultSchema = z.object({
  results: z.array(z.object({
    id: z.string(),
    ok: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })),
});

export const parseFilter = (text: string | undefined) => {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'filter is not JSON' } as const;
  }
  const parsed = filterSchema.safeParse(json);
  return parsed.success ? { filter: parsed.data } : ({ error: parsed.error.issues[0]?.message ?? 'bad filter' } as const);
};

export const fieldTypeSchema = z.enum(FIELD_TYPES);

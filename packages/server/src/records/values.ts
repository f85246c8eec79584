import { isKnownRegion } from '@yixiao/core/regions';
import type { EngineField, EngineObject } from '../metadata/registry';
import { invalid } from '../platform/http/errors';

/** A field value refused on write: field key and reason, collected so the client sees them all at once. */
export interface FieldProblem {
  field: string;
  reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+\d][\d\s()-]{2,39}$/;
const CURRENCY = /^-?\d{1,16}(\.\d{1,2})?$/;
const DECIMAL = /^-?\d{1,18}(\.\d{1,6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const REGION_PARTS = ['province', 'city', 'district'] as const;
const sameRegion = (a: Record<string, string>, b: unknown) =>
  !!b && typeof b === 'object' && REGION_PARTS.every((k) => (a[k] ?? null) === ((b as Record<string, unknown>)[k] ?? null));
const isValidDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Converts one incoming value to what is stored, or says why not. `previous` lets a disabled option stay put. */
export function coerceValue(field: EngineField, value: unknown, previous?: unknown): { value: unknown } | { problem: string } {
  if (empty(value)) return { value: null };
  const text = () => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null);
  switch (field.type) {
    case 'text': case 'textarea': case 'phone': case 'email': case 'url': {
      const s = text();
      if (s === null) return { problem: 'not_text' };
      if (s.length > (field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500))) return { problem: 'too_long' };
      if (field.type === 'email' && !EMAIL.test(s)) return { problem: 'bad_email' };
      if (field.type === 'phone' && !PHONE.test(s)) return { problem: 'bad_phone' };
      if (field.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(s)) return { problem: 'bad_url' };
      return { value: s };
    }
    case 'number': case 'percent': case 'currency': {
      const s = text();
      if (s === null || !(field.type === 'currency' ? CURRENCY : DECIMAL).test(s)) return { problem: field.type === 'currency' ? 'bad_money' : 'bad_number' };
      return { value: s };
    }
    case 'date': {
      const s = text();
      return s !== null && isValidDate(s) ? { value: s } : { problem: 'bad_date' };
    }
    case 'datetime': {
      const s = text();
      const time = s === null ? NaN : Date.parse(s);
      return Number.isNaN(time) ? { problem: 'bad_datetime' } : { value: new Date(time).toISOString() };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: 'bad_boolean' };
    case 'picklist': {
      const option = field.options?.find((o) => o.value === value);
      if (!option) return { problem: 'bad_option' };
      return option.enabled || previous === value ? { value } : { problem: 'option_disabled' };
    }
    case 'multipicklist': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { problem: 'bad_option' };
      const before = Array.isArray(previous) ? previous : [];
      for (const v of value as string[]) {
        const option = field.options?.find((o) => o.value === v);
        if (!option || (!option.enabled && !before.includes(v))) return { problem: 'bad_option' };
      }
      return { value: [...new Set(value as string[])] };
    }
    case 'lookup': case 'user': case 'department':
      return typeof value === 'string' && UUID.test(value) ? { value: value.toLowerCase() } : { problem: 'bad_reference' };
    case 'region': {
      if (typeof value !== 'object' || Array.isArray(value)) return { problem: 'bad_region' };
      const region: Record<string, string> = {};
      for (const key of REGION_PARTS) {
        const part = (value as Record<string, unknown>)[key];
        if (part === undefined || part === null || part === '') continue;
        if (typeof part !== 'string' || part.length > 50) return { problem: 'bad_region' };
        region[key] = part;
      }
      if (!Object.keys(region).length) return { value: null };
      // A place on the bundled list (省, 省+市 or 省+市+区); a value stored before the check may stay as it is.
      if (!isKnownRegion(region) && !sameRegion(region, previous)) return { problem: 'unknown_region' };
      return { value: region };
    }
    case 'autonumber':
      return { problem: 'read_only' };
  }
}

/** The API's names for engine-managed record properties: never accepted as field values. */
export const RESERVED_KEYS = new Set(['id', 'tenantId', 'version', 'custom', 'searchText', 'display']);

/**
 * Validates a write: unknown, read-only and retired fields are refused (not ignored), each value is
 * coerced by type, and on create every required field must be present. Throws one 400 listing all problems.
 */
export function validateWrite(
  object: EngineObject,
  input: Record<string, unknown>,
  mode: { create: boolean; previous?: Record<string, unknown>; allowed?: ReadonlySet<string>; unowned?: boolean },
): Map<EngineField, unknown> {
  const problems: FieldProblem[] = [];
  const values = new Map<EngineField, unknown>();
  for (const [key, value] of Object.entries(input)) {
    if (mode.allowed?.has(key)) continue;
    const field = object.field(key);
    if (!field || RESERVED_KEYS.has(key)) { problems.push({ field: key, reason: 'unknown_field' }); continue; }
    if (field.readOnly || field.retired) { problems.push({ field: key, reason: 'read_only' }); continue; }
    if (field.createOnly && !mode.create) { problems.push({ field: key, reason: 'via_action' }); continue; }
    const result = coerceValue(field, value, mode.previous?.[key]);
    if ('problem' in result) problems.push({ field: key, reason: result.problem });
    else values.set(field, result.value);
  }
  for (const field of object.fields) {
    if (!field.required || field.readOnly || field.retired || (mode.unowned && field.key === 'ownerId')) continue;
    const given = values.has(field);
    const missing = mode.create ? !given || values.get(field) === null : given && values.get(field) === null;
    if (missing && !(mode.create && field.defaultValue !== undefined && !given)) problems.push({ field: field.key, reason: 'required' });
  }
  if (problems.length) {
    const names = problems.map((p) => `${object.field(p.field)?.label.zh ?? p.field}`).join('、');
    throw invalid('records.invalid_fields', { fields: names }, problems);
  }
  return values;
}

/**
 * A stored row as the API shows it: field keys, custom fields merged in, exact decimals as strings.
 * Retired fields are left out; their values stay in the row and come back when the field is restored.
 */
export function rowToRecord(object: EngineObject, row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = { id: row.id, version: row.version };
  const custom = (row.custom ?? {}) as Record<string, unknown>;
  for (const field of object.fields) {
    if (field.retired) continue;
    const raw = field.column ? row[field.column] : custom[field.key];
    // Numbers travel as exact decimal strings, integer columns (退回次数) included.
    record[field.key] = raw instanceof Date ? raw.toISOString() : typeof raw === 'number' && field.type !== 'boolean' ? String(raw) : raw ?? null;
  }
  return record;
}

export function assertUuid(id: string): void {
  if (!UUID.test(id)) throw invalid('records.bad_id');
}

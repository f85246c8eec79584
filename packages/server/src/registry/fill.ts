import type { FieldType } from '@yixiao/core';
import type { EngineField, EngineObject } from '../metadata/registry';
import { invalid } from '../platform/http/errors';
import { coerceValue } from '../records/values';
import { FILL_SOURCES, type FillRule, type FillSource, type RegistryCompany } from './registry.types';

/**
 * 工商信息回填 (§3.5.2): which registry attribute may fill which kind of account field. Text fields
 * take any attribute; typed fields only the attribute of their kind; a picklist only a value that
 * is one of its options.
 */
const ACCEPTS: Partial<Record<FieldType, readonly FillSource[]>> = {
  text: FILL_SOURCES,
  textarea: FILL_SOURCES,
  phone: ['phone'],
  email: ['email'],
  url: ['website'],
  region: ['region'],
  picklist: ['industry', 'status', 'companyType'],
  date: ['establishedOn'],
};

/** Fields a rule may fill: writable, current, not the name (choosing a suggestion sets the name itself). */
export function fillableFields(account: EngineObject): EngineField[] {
  return account.fields.filter((f) => !f.readOnly && !f.retired && !f.createOnly && f.key !== account.nameField && ACCEPTS[f.type]);
}

export const accepts = (field: EngineField, source: FillSource) => ACCEPTS[field.type]?.includes(source) ?? false;

/** Refuses rules that name a missing field, a field of the wrong kind, or one field twice. */
export function checkFillRules(account: EngineObject, rules: FillRule[]): void {
  const fields = new Map(fillableFields(account).map((f) => [f.key, f]));
  const seen = new Set<string>();
  for (const rule of rules) {
    const field = fields.get(rule.target);
    if (!field) throw invalid('registry.bad_target', { field: rule.target });
    if (!accepts(field, rule.source)) throw invalid('registry.incompatible', { field: field.label.zh });
    if (seen.has(rule.target)) throw invalid('registry.repeated_target', { field: field.label.zh });
    seen.add(rule.target);
  }
}

function sourceValue(company: RegistryCompany, source: FillSource): string | { province?: string; city?: string; district?: string } | null {
  if (source === 'region') {
    const region = Object.fromEntries((['province', 'city', 'district'] as const).flatMap((k) => (company[k] ? [[k, company[k]!]] : [])));
    return Object.keys(region).length ? region : null;
  }
  return company[source];
}

/**
 * The account values a company fills under the company's rules. Rules whose field has since gone
 * (retired, type changed) and values a field cannot take (a 行业 that is not an option) are skipped:
 * filling is a convenience, never a reason for the form to fail.
 */
export function fillValues(account: EngineObject, rules: FillRule[], company: RegistryCompany): Record<string, unknown> {
  const fields = new Map(fillableFields(account).map((f) => [f.key, f]));
  const values: Record<string, unknown> = {};
  for (const rule of rules) {
    const field = fields.get(rule.target);
    const value = sourceValue(company, rule.source);
    if (!field || value === null || !accepts(field, rule.source)) continue;
    let candidate: unknown = value;
    if (field.type === 'picklist') {
      // An option matches by its value or either label: 信息技术 / IT.
      candidate = field.options?.find((o) => o.enabled && (o.value === value || o.label.zh === value || o.label.en === value))?.value;
    } else if (field.type === 'url' && typeof value === 'string' && !/^https?:\/\//i.test(value)) {
      candidate = `http://${value}`;
    } else if (field.type !== 'region') {
      const text = typeof value === 'object' ? Object.values(value).join('') : value;
      candidate = field.maxLength ? [...text].slice(0, field.maxLength).join('') : text;
    }
    // What the record engine would refuse (a phone it cannot read, a date that is no date) is left out.
    const coerced = candidate === undefined ? null : coerceValue(field, candidate);
    if (coerced && 'value' in coerced && coerced.value !== null) values[field.key] = coerced.value;
  }
  return values;
}

import type { Locale } from '@yixiao/core';
import type { EngineObject } from '../metadata/registry';

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab / carriage return) gets a
 * leading apostrophe, so an exported value can never run as a formula when the file is opened.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting after neutralisation. */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A record's value as a person reads it in the export: names for references, labels for options. */
export function displayValue(object: EngineObject, key: string, record: Record<string, unknown>, locale: Locale): string {
  const field = object.field(key);
  const value = record[key];
  if (!field || value === null || value === undefined) return '';
  const display = (record.display as Record<string, string> | undefined)?.[key];
  if (display !== undefined) return display;
  const optionLabel = (v: string) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? (locale === 'en-US' ? option.label.en : option.label.zh) : v;
  };
  switch (field.type) {
    case 'picklist': return optionLabel(String(value));
    case 'multipicklist': return (value as string[]).map(optionLabel).join('、');
    case 'boolean': return value ? (locale === 'en-US' ? 'Yes' : '是') : (locale === 'en-US' ? 'No' : '否');
    case 'region': return Object.values(value as Record<string, string>).join('/');
    default: return String(value);
  }
}

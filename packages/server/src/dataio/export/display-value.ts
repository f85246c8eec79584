import type { Locale } from '@yixiao/core';
import type { EngineObject } from '../../metadata/registry';

/** "2026-11-27 15:30" in the company's time zone; one formatter per export, not per cell. */
export function localMinuteFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return (iso) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const p = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
}

/**
 * A record's value as a person reads it in an export: names for references, labels for options,
 * 是/否, date-times in the company's time zone; numbers stay plain so a spreadsheet can sum them.
 */
export function displayValue(object: EngineObject, key: string, record: Record<string, unknown>, locale: Locale, localTime?: (iso: string) => string): string {
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
    case 'region': return Object.values(value as Record<string, string>).filter(Boolean).join('/');
    case 'datetime': return localTime ? localTime(String(value)) : String(value);
    default: return String(value);
  }
}

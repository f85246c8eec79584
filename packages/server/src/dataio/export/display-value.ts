import type { Locale } from '@yixiao/core';
import type { EngineField, EngineObject } from '../../metadata/registry';

const DAY = 86_400_000;
const QUARTER = 900_000;

/**
 * "2026-11-27 15:30" in the company's time zone. One formatter per export: Intl (slow, several µs a
 * call) is asked for the zone's offset at the start of each UTC day, and within a day whose two ends
 * agree the offset is taken as constant; a day with a change in it (summer time) is looked at per
 * quarter hour, the finest step zones change on. The rest is arithmetic.
 */
export function localMinuteFormatter(timeZone: string): (value: string | Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const measured = new Map<number, number>();
  const offsetAtInstant = (ms: number) => {
    let offset = measured.get(ms);
    if (offset === undefined) {
      const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
      offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - ms;
      if (measured.size > 50_000) measured.clear();
      measured.set(ms, offset);
    }
    return offset;
  };
  const offsetAt = (ms: number) => {
    const day = Math.floor(ms / DAY) * DAY;
    const start = offsetAtInstant(day);
    return start === offsetAtInstant(day + DAY) ? start : offsetAtInstant(Math.floor(ms / QUARTER) * QUARTER);
  };
  return (value) => {
    const ms = value instanceof Date ? value.getTime() : Date.parse(value);
    if (Number.isNaN(ms)) return String(value);
    const local = new Date(ms + offsetAt(ms)).toISOString();
    return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  };
}

type Cell = (value: unknown, display: string | undefined) => string;

/** How one field's value is written: names for references, labels for options, 是/否, local times. */
function cellOf(field: EngineField, locale: Locale, localTime: (value: string | Date) => string): Cell {
  const en = locale === 'en-US';
  const labels = new Map((field.options ?? []).map((o) => [o.value, en ? o.label.en : o.label.zh]));
  const label = (v: unknown) => labels.get(String(v)) ?? String(v);
  switch (field.type) {
    case 'user': case 'department': case 'lookup': return (v, display) => display ?? String(v);
    case 'picklist': return (v, display) => display ?? label(v);
    case 'multipicklist': return (v) => (Array.isArray(v) ? v.map(label).join('、') : label(v));
    case 'boolean': return (v) => (v ? (en ? 'Yes' : '是') : (en ? 'No' : '否'));
    case 'region': return (v) => (typeof v === 'object' ? Object.values(v as Record<string, string>).filter(Boolean).join('/') : String(v));
    case 'datetime': return (v) => localTime(v instanceof Date ? v : String(v));
    default: return (v) => (v instanceof Date ? v.toISOString() : String(v));
  }
}

/**
 * The cells of an export row for the given columns, as a person reads them: names for references
 * (from `record.display`, see attachDisplayNames), labels for options, 是/否, date-times in the
 * company's time zone; numbers stay plain so a spreadsheet can sum them. Built once per export.
 */
export function exportCells(object: EngineObject, columns: string[], locale: Locale, timeZone: string, options: { localTimesFromSql?: boolean } = {}) {
  const localTime = localMinuteFormatter(timeZone);
  const cells = columns.map((key) => {
    const field = object.field(key);
    // The query may have written date-times as local text already (to_char … AT TIME ZONE).
    if (field?.type === 'datetime' && options.localTimesFromSql) return { key, cell: (v: unknown) => String(v) };
    return { key, cell: field ? cellOf(field, locale, localTime) : () => '' };
  });
  return (record: Record<string, unknown>): string[] => {
    const display = record.display as Record<string, string> | undefined;
    return cells.map(({ key, cell }) => {
      const value = record[key];
      return value === null || value === undefined ? '' : cell(value, display?.[key]);
    });
  };
}

/** One value of a record as the export writes it (see exportCells, which to prefer for many rows). */
export function displayValue(object: EngineObject, key: string, record: Record<string, unknown>, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  return exportCells(object, [key], locale, timeZone)(record)[0]!;
}

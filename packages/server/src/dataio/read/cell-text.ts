import type { FileFormat } from '@yixiao/core';
import type { EngineField } from '../../metadata/registry';

/**
 * A cell's text as the record engine's write takes it: the words a person types in a sheet (选项
 * labels, 是/否, 1,234.50, 2024/3/5, 广东省/深圳市/南山区) turned into stored values. Names of users
 * and records are resolved elsewhere (resolve-names.ts), in one query per batch. What comes out is
 * then checked by the engine's own coerceValue, so the rules are not written twice.
 */
/** The value, or why not (`detail`: the part of the cell at fault, e.g. one of several options). */
export type CellText = { value: unknown } | { problem: string; detail?: string };

export interface CellContext {
  format: FileFormat;
  timeZone: string;
}

/** Multi-select values are separated by 、 (§3.2.2); a comma or semicolon is also taken, full-width or not. */
export const MULTI_SEPARATORS = /[、,，;；]/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1899-12-30 (Excel's day 0, counting its fictitious 1900-02-29) → its calendar date and time. */
export function excelSerial(serial: number): { date: string; time: string } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` };
}

const DATE_TIME = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?$/;

/** yyyy-mm-dd, yyyy/m/d, yyyy.m.d, yyyy年m月d日, each with an optional time; XLSX serial numbers too. */
function parseDateTime(text: string, ctx: CellContext): { date: string; time: string | null } | null {
  const m = DATE_TIME.exec(text);
  if (m) {
    const date = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return { date, time: m[4] === undefined ? null : `${pad(Number(m[4]))}:${pad(Number(m[5]))}:${pad(Number(m[6] ?? 0))}` };
  }
  // Serial numbers come from XLSX cells not formatted as dates; in a CSV a bare number is no date.
  if (ctx.format === 'xlsx' && /^\d+(\.\d+)?$/.test(text)) {
    const s = excelSerial(Number(text));
    return s && { date: s.date, time: s.time === '00:00:00' ? null : s.time };
  }
  return null;
}

/** The instant a wall-clock time in the company's time zone stands for, as ISO text. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant); // once more across a daylight-saving change
  return new Date(instant).toISOString();
}

const TRUE = new Set(['是', 'true', 'yes', 'y', '1', '√']);
const FALSE = new Set(['否', 'false', 'no', 'n', '0', '×']);

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Drops a currency sign, a percent sign (percent fields) and thousands separators where they group
 * digits in threes: 1,234.50 → 1234.50, ￥2,000 → 2000, 15% → 15. Anything else ("1,2") stays as
 * typed and is refused by the engine's number check.
 */
function plainNumber(text: string, field: EngineField): string {
  let s = text.replace(/\s/g, '').replace(/^[¥￥$]/, '');
  if (field.type === 'percent') s = s.replace(/%$/, '');
  return GROUPED.test(s) ? s.replace(/,/g, '') : s;
}

function optionValue(field: EngineField, text: string): string | null {
  const options = field.options ?? [];
  return (options.find((o) => o.label.zh === text) ?? options.find((o) => o.value === text) ?? options.find((o) => o.label.en.toLowerCase() === text.toLowerCase()))?.value ?? null;
}

/** Splits a region cell: 省/市/区 separated by a slash (also full-width, a hyphen or spaces). */
function region(text: string): Record<string, string> {
  const [province, city, district] = text.split(/\s*[/／\\-]\s*|\s+/).filter(Boolean);
  return Object.fromEntries(Object.entries({ province, city, district }).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** The stored form of a non-empty cell of a field that is not a name lookup, or why it cannot be. */
export function cellValue(field: EngineField, text: string, ctx: CellContext): CellText {
  switch (field.type) {
    case 'number': case 'currency': case 'percent':
      return { value: plainNumber(text, field) };
    case 'date': {
      const parsed = parseDateTime(text, ctx);
      // A date typed with a midnight time (2024-03-05 00:00, as Excel shows date cells) is still that date.
      return parsed && (parsed.time === null || parsed.time === '00:00:00') ? { value: parsed.date } : { problem: 'bad_date' };
    }
    case 'datetime': {
      const parsed = parseDateTime(text, ctx);
      return parsed ? { value: zonedIso(parsed.date, parsed.time ?? '00:00:00', ctx.timeZone) } : { problem: 'bad_datetime' };
    }
    case 'boolean': {
      const key = text.toLowerCase();
      return TRUE.has(key) ? { value: true } : FALSE.has(key) ? { value: false } : { problem: 'bad_boolean' };
    }
    case 'picklist': {
      const value = optionValue(field, text);
      return value === null ? { problem: 'bad_option' } : { value };
    }
    case 'multipicklist': {
      // A label that itself holds a separator stays whole.
      const whole = optionValue(field, text);
      if (whole !== null) return { value: [whole] };
      const values: string[] = [];
      for (const part of text.split(MULTI_SEPARATORS).map((p) => p.trim()).filter(Boolean)) {
        const value = optionValue(field, part);
        if (value === null) return { problem: 'bad_option', detail: part };
        values.push(value);
      }
      return { value: values };
    }
    case 'region':
      return { value: region(text) };
    case 'autonumber':
      return { problem: 'read_only' };
    default:
      return { value: text };
  }
}

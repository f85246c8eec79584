/**
 * An XLSX cell's value as the text a person sees: dates as yyyy-mm-dd (with HH:mm when the cell
 * holds a time), formulas as their result, rich text as its plain text, numbers as their digits.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a number format shows a date or time (y, m, d, h, s outside quoted text and [colour] tags). */
export const isDateFormat = (numFmt: string | undefined) =>
  !!numFmt && /[ymdhs]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/^general$/i.test(numFmt);

/** exceljs gives a date cell's wall time as a UTC instant; rounded to the minute (Excel stores fractions of a day). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const d = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Excel day numbers (1900 system) as the date they stand for. */
const serialToDate = (serial: number) => new Date(Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30));

function numberText(value: number, numFmt: string | undefined): string {
  if (isDateFormat(numFmt)) return dateText(serialToDate(value));
  // Cells formatted as percentages read as they show: 0.15 → 15%.
  if (numFmt?.includes('%')) return `${Number((value * 100).toPrecision(15))}%`;
  // 15 significant digits is what Excel keeps; this drops binary noise such as 0.30000000000000004.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string; hyperlink?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt);
    if (v.text !== undefined) return cellText(v.text, numFmt);
    if (v.error) return v.error;
  }
  return String(value);
}

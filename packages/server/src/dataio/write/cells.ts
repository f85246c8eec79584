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

/** Excel refuses a file whose cell holds more; the tail is cut rather than the whole file lost. */
export const XLSX_MAX_CELL = 32_767;

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function sheetName(name: string | undefined, fallback = 'Sheet1'): string {
  const clean = (name ?? '').replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return clean || fallback;
}

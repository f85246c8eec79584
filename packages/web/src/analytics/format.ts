/**
 * Showing numbers without turning money into floats: amounts arrive as exact decimal strings and
 * only gain thousands separators; rates arrive as fractions ("0.4286") and become "42.86%".
 * A null (nothing to divide by) shows as "—".
 */
export const EMPTY = '—';

export function formatAmount(amount: string | null | undefined): string {
  if (amount == null) return EMPTY;
  const [whole = '0', fraction] = amount.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${digits}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A fraction with four places as a percentage with two, by moving the decimal point (no float arithmetic). */
export function formatRate(rate: string | null | undefined): string {
  if (rate == null) return EMPTY;
  const negative = rate.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? rate.slice(1) : rate).split('.');
  const padded = fraction.padEnd(4, '0');
  const percentWhole = String(Number(`${whole}${padded.slice(0, 2)}`));
  return `${negative ? '-' : ''}${percentWhole}.${padded.slice(2, 4)}%`;
}

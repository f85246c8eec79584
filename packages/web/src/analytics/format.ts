import { rateAsPercent } from '@yixiao/core';

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

/** A fraction with four places as a percentage with two ("0.2500" → "25.00%"). */
export function formatRate(rate: string | null | undefined): string {
  return rate == null ? EMPTY : rateAsPercent(rate);
}

import Decimal from 'decimal.js';

/**
 * Money on product lines, in exact decimals (never floats). Wide enough that price (18,2) ×
 * quantity (14,4) × discount (5,2) is exact before the one rounding.
 */
const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/**
 * 总价 of a line: price × quantity × discount%, rounded once, half-up, to the cent. The discount is
 * the percentage of the price charged (100 = full price, 95 = 九五折), as the manual's 折扣 column.
 * E.g. 3 × ¥33.33 at 95 → 99.99 × 0.95 = 94.9905 → ¥94.99; 1 × ¥0.10 at 95 → 0.095 → ¥0.10.
 * The table's check (0017_opportunity_lines.sql) states the same rule in SQL.
 */
export function lineTotal(price: string, quantity: string, discount: string): string {
  return new Money(price).times(quantity).times(discount).dividedBy(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);
}

/** The opportunity's amount when it has lines: the sum of the lines' totals (each already to the cent). */
export function sumOfTotals(totals: readonly string[]): string {
  return totals.reduce((sum, t) => sum.plus(t), new Money(0)).toFixed(2);
}

/** Exact comparison of two decimal strings ("100" and "100.00" are the same amount). */
export const sameAmount = (a: string, b: string): boolean => new Money(a).eq(b);

/** A decimal in canonical text with a fixed number of places, as the API answers (price "33.33", quantity "3"). */
export const canonical = (value: string): string => new Money(value).toFixed();

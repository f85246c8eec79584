import Decimal from 'decimal.js';
import { groupDigits } from '../../records/fields';

const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

export const PRICE = /^\d{1,16}(\.\d{1,2})?$/;
export const QUANTITY = /^\d{1,10}(\.\d{1,4})?$/;
export const DISCOUNT = /^\d{1,3}(\.\d{1,2})?$/;

export const validQuantity = (q: string) => QUANTITY.test(q) && new Money(q).gt(0);
export const validDiscount = (d: string) => DISCOUNT.test(d) && new Money(d).gt(0) && new Money(d).lte(100);

/**
 * The preview of a line's 总价 while typing: the server's rule (objects/opportunity-lines/line-total.ts),
 * price × quantity × discount%, rounded once, half-up, to the cent; null while an input is incomplete.
 * The server's answer is what is stored.
 */
export function previewTotal(price: string, quantity: string, discount: string): string | null {
  if (!PRICE.test(price) || !validQuantity(quantity) || !validDiscount(discount)) return null;
  return new Money(price).times(quantity).times(discount).dividedBy(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);
}

export const sumMoney = (values: readonly string[]) => values.reduce((sum, v) => sum.plus(v), new Money(0)).toFixed(2);

/** "1234567.5" → "1,234,567.50". */
export const money = (value: string | null | undefined) => (value == null ? '—' : groupDigits(new Money(value).toFixed(2)));

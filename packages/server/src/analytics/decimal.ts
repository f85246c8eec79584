/**
 * Exact decimal arithmetic on the strings PostgreSQL answers for numeric values (DESIGN.md §5:
 * money is never a JavaScript float). Only what the metrics need: subtract and a rounded divide.
 */
interface Scaled {
  units: bigint;
  scale: number;
}

function parse(text: string | number): Scaled {
  const s = String(text).trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!match || (match[2] === '' && !match[3])) throw new Error(`not a decimal: ${s}`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] || '0'}${fraction}`);
  return { units: match[1] ? -units : units, scale: fraction.length };
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? `${whole}.${digits.slice(digits.length - scale)}` : whole;
  return negative ? `-${text}` : text;
}

const pow10 = (n: number) => 10n ** BigInt(n);

export function subtract(a: string | number, b: string | number): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format(x.units * pow10(scale - x.scale) - y.units * pow10(scale - y.scale), scale);
}

/** a / b rounded half away from zero to `scale` places; null when b is zero (the screens show "—"). */
export function divide(a: string | number, b: string | number, scale: number): string | null {
  const x = parse(a);
  const y = parse(b);
  let numerator = x.units * pow10(y.scale + scale);
  let denominator = y.units * pow10(x.scale);
  if (denominator === 0n) return null;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return format(negative ? -quotient : quotient, scale);
}

/** Rates (线索转化率 …) as a fraction with four places ("0.3333"), null when nothing was there to convert. */
export const rate = (part: number, whole: number) => divide(part, whole, 4);
/** 平均单价: an amount per opportunity, to the cent. */
export const average = (amount: string, count: number) => divide(amount, count, 2);

export const isPositive = (value: string | null) => value !== null && parse(value).units > 0n;

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (9 = 工商), entity kind (1 = 企业), the
 * 6-digit administrative division, the 9-character organisation code (GB 11714, its own check
 * character last) and a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The organisation code's check character: digits count as themselves, letters A–Z as 10–35. */
export function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A full code from the division and an 8-character organisation body, both check characters computed. */
export function makeCreditCode(division: string, orgBody: string): string {
  const first17 = `91${division}${orgBody}${orgCheckChar(orgBody)}`;
  return first17 + creditCheckChar(first17);
}

/** Whether both check characters are right (loaded data is only checked for its form: real files carry old codes). */
export function hasValidCheck(code: string): boolean {
  return code.length === 18 && creditCheckChar(code.slice(0, 17)) === code[17] && orgCheckChar(code.slice(8, 16)) === code[16];
}

/** The characters organisation bodies are drawn from: those the credit-code alphabet has. */
export const ORG_ALPHABET = ALPHABET;

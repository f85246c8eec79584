import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for cookies, tokens and links: 32 bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Credentials travel as "<tenant_id>.<secret>" so the server finds the row by (tenant_id, sha256(secret))
 * without a global table; the database never holds the secret itself.
 */
export function splitCredential(value: string): { tenantId: string; hash: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,200})$/.exec(value);
  return match ? { tenantId: match[1]!, hash: sha256(match[2]!) } : null;
}
export const joinCredential = (tenantId: string, secret: string) => `${tenantId}.${secret}`;

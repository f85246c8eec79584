import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale } from '@yixiao/core';
import type { Db, Tx } from '../../db/database';
import { safeEqual, sha256 } from '../auth/secrets';
import { AppError } from '../http/errors';
import { t } from '../i18n/messages';
import { assertIdentifierFree, claimLoginIdentifier } from './login-identifier';
import { lockMyUser, updateMyUser, type Actor } from './my-user';
import { assertVerificationAllowed } from './verification-limits';

// §2.2 安全验证 → 手机: a six-digit code, valid ten minutes, five tries.
const CODE_VALID_MINUTES = 10;
export const MAX_CODE_TRIES = 5;

/** Mainland numbers as 11 digits (a +86 prefix and separators dropped); others in +<country><number> form. */
export function normalizeMobile(raw: string): string | null {
  const compact = raw.replace(/[\s()-]/g, '');
  const mainland = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) return mainland[1]!;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

// The code is short, so its hash is salted with the row id: equal codes of two users differ in the table.
const codeHash = (verificationId: string, code: string) => sha256(`${verificationId}:${code}`);

/** Records a new code (voiding earlier ones) and answers the text to send once the transaction commits. */
export async function requestMobileVerification(tx: Tx, actor: Actor & { locale: Locale }, rawMobile: string) {
  const mobile = normalizeMobile(rawMobile);
  if (!mobile) throw new AppError(400, 'mobile_invalid', 'personal.mobile_invalid');
  const user = await lockMyUser(tx, actor);
  if (user.mobile === mobile && user.mobile_verified_at) throw new AppError(400, 'mobile_already_verified', 'personal.mobile_already_verified');
  await assertIdentifierFree(tx, actor.tenantId, actor.userId, 'mobile', mobile);
  await assertVerificationAllowed(tx, actor.tenantId, actor.userId, 'mobile');

  await openCodes(tx, actor).set({ used_at: new Date() }).execute();
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = await tx.insertInto('verifications')
    .values({
      tenant_id: actor.tenantId, id, user_id: actor.userId, channel: 'mobile', target: mobile, secret_hash: codeHash(id, code),
      expires_at: sql<Date>`now() + make_interval(mins => ${CODE_VALID_MINUTES})`, used_at: null,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return { mobile, expiresAt: row.expires_at.toISOString(), sms: { to: mobile, text: t(actor.locale, 'personal.sms.code', { code }) } };
}

const openCodes = (tx: Tx, actor: Pick<Actor, 'tenantId' | 'userId'>) =>
  tx.updateTable('verifications')
    .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId)
    .where('channel', '=', 'mobile').where('used_at', 'is', null);

/**
 * Checks the code of the user's latest request. A wrong guess is counted in its own committed
 * transaction before the refusal, so retries cannot dodge the limit; the sixth try is refused
 * even with the right code. The right code makes the mobile verified and a sign-in name.
 */
export async function confirmMobileVerification(db: Db, actor: Actor, code: string) {
  const outcome = await db.transaction().execute(async (tx) => {
    const verification = await tx.selectFrom('verifications')
      .select(['id', 'target', 'attempts', 'expires_at', 'secret_hash'])
      .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId)
      .where('channel', '=', 'mobile').where('used_at', 'is', null)
      .orderBy('created_at', 'desc').limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!verification || verification.expires_at.getTime() <= Date.now()) {
      return { refusal: new AppError(400, 'code_missing', 'personal.code_missing') };
    }
    if (verification.attempts >= MAX_CODE_TRIES) return { refusal: new AppError(429, 'code_locked', 'personal.code_locked') };
    if (!safeEqual(verification.secret_hash, codeHash(verification.id, code.trim()))) {
      await tx.updateTable('verifications').set({ attempts: sql<number>`attempts + 1` })
        .where('tenant_id', '=', actor.tenantId).where('id', '=', verification.id).execute();
      const left = MAX_CODE_TRIES - verification.attempts - 1;
      return { refusal: left > 0 ? new AppError(400, 'code_wrong', 'personal.code_wrong', { left }) : new AppError(429, 'code_locked', 'personal.code_locked') };
    }
    await claimLoginIdentifier(tx, actor.tenantId, actor.userId, 'mobile', verification.target);
    await updateMyUser(tx, actor, { mobile: verification.target, mobile_verified_at: new Date() }, 'verify_mobile');
    await tx.updateTable('verifications').set({ used_at: new Date() })
      .where('tenant_id', '=', actor.tenantId).where('id', '=', verification.id).execute();
    return { mobile: verification.target };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome;
}

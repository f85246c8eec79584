import { sql } from 'kysely';
import type { Locale } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { joinCredential, newSecret, sha256, splitCredential } from '../auth/secrets';
import { AppError } from '../http/errors';
import { t } from '../i18n/messages';
import { enqueueMail } from '../mail/outbox';
import { assertIdentifierFree, claimLoginIdentifier } from './login-identifier';
import { lockMyUser, updateMyUser, type Actor } from './my-user';
import { assertVerificationAllowed } from './verification-limits';

const LINK_VALID_HOURS = 24;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * §2.2 安全验证 → 邮箱: records a one-time link (only its hash is stored) and mails it to the
 * address, in the same transaction, so a failed request sends nothing.
 */
export async function requestEmailVerification(tx: Tx, actor: Actor & { locale: Locale }, rawEmail: string, publicUrl: string) {
  const email = rawEmail.trim().toLowerCase();
  const user = await lockMyUser(tx, actor);
  if (user.email === email && user.email_verified_at) throw new AppError(400, 'email_already_verified', 'personal.email_already_verified');
  await assertIdentifierFree(tx, actor.tenantId, actor.userId, 'email', email);
  await assertVerificationAllowed(tx, actor.tenantId, actor.userId, 'email');

  const secret = newSecret();
  const row = await tx.insertInto('verifications')
    .values({
      tenant_id: actor.tenantId, user_id: actor.userId, channel: 'email', target: email, secret_hash: sha256(secret),
      expires_at: sql<Date>`now() + make_interval(hours => ${LINK_VALID_HOURS})`, used_at: null,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();

  // The token names its company so the public endpoint finds the row without a global table.
  const link = `${publicUrl.replace(/\/+$/, '')}/verify-email?token=${encodeURIComponent(joinCredential(actor.tenantId, secret))}`;
  const text = t(actor.locale, 'personal.mail.verify_text', { name: user.name, link });
  const button = escapeHtml(t(actor.locale, 'personal.mail.verify_button'));
  const html = text.split('\n\n').map((paragraph) => paragraph === link
    ? `<p><a href="${escapeHtml(link)}">${button}</a></p><p style="color:#888;word-break:break-all">${escapeHtml(link)}</p>`
    : `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  await enqueueMail(tx, {
    tenantId: actor.tenantId, to: email, subject: t(actor.locale, 'personal.mail.verify_subject'), text, html, dedupeKey: `verify-email:${row.id}`,
  });
  return { email, expiresAt: row.expires_at.toISOString() };
}

/**
 * The link's token is the credential (the endpoint is public, so it works from any browser):
 * sets the user's verified email and makes it a sign-in name. Nothing is written when refused.
 */
export async function confirmEmailVerification(tx: Tx, token: string, requestId: string) {
  const credential = splitCredential(token.trim());
  const refused = (code: 'invalid' | 'used' | 'expired') => new AppError(400, `verification_${code}`, `personal.verification_${code}`);
  if (!credential) throw refused('invalid');
  const verification = await tx.selectFrom('verifications')
    .select(['id', 'user_id', 'target', 'used_at', 'expires_at'])
    .where('tenant_id', '=', credential.tenantId).where('secret_hash', '=', credential.hash).where('channel', '=', 'email')
    .forUpdate()
    .executeTakeFirst();
  if (!verification) throw refused('invalid');
  if (verification.used_at) throw refused('used');
  if (verification.expires_at.getTime() <= Date.now()) throw refused('expired');

  const actor: Actor = { tenantId: credential.tenantId, userId: verification.user_id, requestId };
  const user = await lockMyUser(tx, actor);
  if (user.status !== 'active') throw refused('invalid');
  await claimLoginIdentifier(tx, actor.tenantId, actor.userId, 'email', verification.target);
  await updateMyUser(tx, actor, { email: verification.target, email_verified_at: new Date() }, 'verify_email');
  await tx.updateTable('verifications').set({ used_at: new Date() })
    .where('tenant_id', '=', actor.tenantId).where('id', '=', verification.id).execute();
  return { email: verification.target };
}

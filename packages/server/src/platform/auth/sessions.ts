import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/database';
import { loadPrincipal, type AuthContext } from './context';
import { remember, versionOf } from '../config/config-cache';
import { joinCredential, newSecret, sha256, splitCredential } from './secrets';

export const SESSION_COOKIE = 'yx_session';
const SESSION_IDLE_HOURS = 12;
const BEARER_TTL_DAYS = 30;

/** Starts a browser session. A new id at every sign-in, so a planted cookie is never promoted. */
export async function createSession(db: DbOrTx, tenantId: string, userId: string, meta: { ip?: string; userAgent?: string }) {
  const secret = newSecret();
  const csrfToken = newSecret();
  await db
    .insertInto('sessions')
    .values({
      tenant_id: tenantId,
      id: sha256(secret),
      user_id: userId,
      csrf_token: csrfToken,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_IDLE_HOURS})`,
    })
    .execute();
  return { cookie: joinCredential(tenantId, secret), csrfToken };
}

export async function destroySession(db: DbOrTx, tenantId: string, sessionId: string) {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('id', '=', sessionId).execute();
}

/** Ends every session and bearer token of a user: used when a user is disabled or their password reset. */
export async function revokeUserCredentials(db: DbOrTx, tenantId: string, userId: string, keepSessionId?: string) {
  let q = db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '<>', keepSessionId);
  await q.execute();
  await db.deleteFrom('api_tokens').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('kind', '=', 'bearer').execute();
}

export async function resolveSession(db: Db, cookie: string): Promise<AuthContext | null> {
  const credential = splitCredential(cookie);
  if (!credential) return null;
  const session = await db
    .selectFrom('sessions')
    .leftJoin('config_versions', 'config_versions.tenant_id', 'sessions.tenant_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'config_versions.version'])
    .where('sessions.tenant_id', '=', credential.tenantId)
    .where('sessions.id', '=', credential.hash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!session) return null;
  // Sliding expiry, written at most once a minute per session to keep reads cheap.
  if (Date.now() - session.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions')
      .set({ last_seen_at: sql`now()`, expires_at: sql`now() + make_interval(hours => ${SESSION_IDLE_HOURS})` })
      .where('tenant_id', '=', credential.tenantId).where('id', '=', credential.hash).execute();
  }
  const configVersion = versionOf(credential.tenantId, session.version);
  const principal = await rememberPrincipal(db, configVersion, credential.tenantId, session.user_id);
  if (!principal) return null;
  return { ...principal, via: 'session', configVersion, session: { id: credential.hash, csrfToken: session.csrf_token } };
}

/** Who a user is and may do, unchanged until the company's configuration version moves. */
const rememberPrincipal = (db: Db, version: string | undefined, tenantId: string, userId: string) =>
  remember(db, version, `principal:${userId}`, () => loadPrincipal(db, tenantId, userId));

export async function createApiToken(
  db: DbOrTx,
  tenantId: string,
  userId: string,
  kind: 'bearer' | 'api_key',
  name: string | null = null,
) {
  const secret = newSecret();
  const token = joinCredential(tenantId, secret);
  await db
    .insertInto('api_tokens')
    .values({
      tenant_id: tenantId,
      id: sha256(secret),
      user_id: userId,
      kind,
      name,
      prefix: secret.slice(0, 6),
      expires_at: kind === 'bearer' ? sql<Date>`now() + make_interval(days => ${BEARER_TTL_DAYS})` : null,
    })
    .execute();
  return token;
}

export async function resolveApiToken(db: Db, token: string): Promise<AuthContext | null> {
  const credential = splitCredential(token);
  if (!credential) return null;
  const row = await db
    .selectFrom('api_tokens')
    .leftJoin('config_versions', 'config_versions.tenant_id', 'api_tokens.tenant_id')
    .select(['api_tokens.user_id', 'api_tokens.kind', 'api_tokens.last_used_at', 'config_versions.version'])
    .where('api_tokens.tenant_id', '=', credential.tenantId)
    .where('api_tokens.id', '=', credential.hash)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  // "Last used" is for people reading the key list: written at most once a minute, so a busy
  // integration does not turn every read into a write.
  if (row && (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000)) {
    await db.updateTable('api_tokens').set({ last_used_at: sql`now()` })
      .where('tenant_id', '=', credential.tenantId).where('id', '=', credential.hash).execute();
  }
  if (!row) return null;
  const configVersion = versionOf(credential.tenantId, row.version);
  const principal = await rememberPrincipal(db, configVersion, credential.tenantId, row.user_id);
  return principal ? { ...principal, via: row.kind, configVersion } : null;
}

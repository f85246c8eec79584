import type { DbOrTx, Tx } from '../../db/database';
import { writeAudit } from '../audit/audit';
import { splitCredential } from '../auth/secrets';
import { createApiToken } from '../auth/sessions';
import { AppError, notFound } from '../http/errors';
import type { Actor } from './my-user';

const MAX_KEYS_PER_USER = 20;

/** A personal API key as listed: never the key itself, which is shown once at creation. */
function toView(row: { id: string; name: string | null; prefix: string; created_at: Date; last_used_at: Date | null }) {
  return { id: row.id, name: row.name ?? '', prefix: row.prefix, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

const myKeys = (db: DbOrTx, tenantId: string, userId: string) =>
  db.selectFrom('api_tokens').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('kind', '=', 'api_key');

export async function listApiKeys(db: DbOrTx, tenantId: string, userId: string) {
  const rows = await myKeys(db, tenantId, userId).select(['id', 'name', 'prefix', 'created_at', 'last_used_at']).orderBy('created_at', 'desc').execute();
  return rows.map(toView);
}

/** Creates a key that works as `Authorization: Bearer <key>` until revoked, acting as the user. */
export async function createApiKey(tx: Tx, actor: Actor, name: string) {
  const count = await myKeys(tx, actor.tenantId, actor.userId).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_KEYS_PER_USER) throw new AppError(400, 'api_key_limit', 'personal.api_key_limit', { max: MAX_KEYS_PER_USER });
  const key = await createApiToken(tx, actor.tenantId, actor.userId, 'api_key', name.trim());
  const id = splitCredential(key)!.hash;
  const row = await myKeys(tx, actor.tenantId, actor.userId).select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('id', '=', id).executeTakeFirstOrThrow();
  await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, objectType: 'api_key', recordId: row.id, action: 'create', requestId: actor.requestId,
    changes: [{ field: 'name', old: null, new: row.name }] });
  return { ...toView(row), key };
}

export async function revokeApiKey(tx: Tx, actor: Actor, keyId: string): Promise<void> {
  const row = await tx.deleteFrom('api_tokens')
    .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).where('kind', '=', 'api_key').where('id', '=', keyId)
    .returning(['name'])
    .executeTakeFirst();
  if (!row) throw notFound();
  await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, objectType: 'api_key', recordId: keyId, action: 'revoke', requestId: actor.requestId,
    changes: [{ field: 'name', old: row.name, new: null }] });
}

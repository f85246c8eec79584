import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { publishToUsers } from '../realtime/publish';

export async function countUnread(db: DbOrTx, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Unread counts of several users in one query; users with none are answered 0. */
export async function countUnreadOf(db: DbOrTx, tenantId: string, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await db
    .selectFrom('notifications')
    .select(['user_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`user_id = any(${[...userIds]}::uuid[])`)
    .where('read_at', 'is', null)
    .groupBy('user_id')
    .execute();
  for (const row of rows) counts.set(row.user_id, Number(row.count));
  return counts;
}

/** Tells every open tab of these users their new unread count (after commit); answers the counts. */
export async function publishUnread(db: DbOrTx, tenantId: string, userIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await countUnreadOf(db, tenantId, userIds);
  await publishToUsers(db, [...counts].map(([userId, count]) => ({ tenantId, userId, message: { type: 'unread', count } })));
  return counts;
}

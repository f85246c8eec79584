import type { NotificationKind } from '@yixiao/core';
import type { Db } from '../../db/database';
import type { AuthContext } from '../auth/context';
import { notFound } from '../http/errors';
import { countUnread, publishUnread } from './unread';

export interface InboxQuery {
  kind?: NotificationKind;
  unread?: boolean;
  page: number;
  pageSize: number;
}

/** My notifications, newest first, with the total for paging and my unread count. */
export async function listNotifications(db: Db, auth: AuthContext, query: InboxQuery) {
  let base = db.selectFrom('notifications').where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId);
  if (query.kind) base = base.where('kind', '=', query.kind);
  if (query.unread) base = base.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base.select(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
      .orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
    countUnread(db, auth.tenantId, auth.userId),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link,
      readAt: r.read_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
    })),
    total: Number(total.count),
    unread,
  };
}

/** Marks one of my notifications read; my other tabs get the new count. Reading twice is fine. */
export async function markRead(db: Db, auth: AuthContext, id: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('notifications')
      .set({ read_at: new Date() })
      .where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId).where('id', '=', id)
      .where('read_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const mine = await tx.selectFrom('notifications').select('id')
        .where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId).where('id', '=', id)
        .executeTakeFirst();
      if (!mine) throw notFound();
    }
    const counts = await publishUnread(tx, auth.tenantId, [auth.userId]);
    return counts.get(auth.userId) ?? 0;
  });
}

/** Marks all my notifications read, or those of one kind (a tab of the notification centre). */
export async function markAllRead(db: Db, auth: AuthContext, kind?: NotificationKind): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let update = tx.updateTable('notifications').set({ read_at: new Date() })
      .where('tenant_id', '=', auth.tenantId).where('user_id', '=', auth.userId).where('read_at', 'is', null);
    if (kind) update = update.where('kind', '=', kind);
    await update.execute();
    const counts = await publishUnread(tx, auth.tenantId, [auth.userId]);
    return counts.get(auth.userId) ?? 0;
  });
}

import type { FeedbackCategory, Locale } from '@yixiao/core';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/database';
import type { AuthContext } from '../auth/context';
import { writeAudit } from '../audit/audit';
import { notFound } from '../http/errors';
import { t } from '../i18n/messages';
import { notify } from '../notifications/notify';
import './messages';

const FEEDBACK_READERS_LINK = '/settings/system/feedback';
const MY_FEEDBACK_LINK = '/help/feedback';

function baseQuery(db: DbOrTx, tenantId: string) {
  return db.selectFrom('feedback as f')
    .innerJoin('users as a', (j) => j.onRef('a.tenant_id', '=', 'f.tenant_id').onRef('a.id', '=', 'f.user_id'))
    .leftJoin('users as r', (j) => j.onRef('r.tenant_id', '=', 'f.tenant_id').onRef('r.id', '=', 'f.replied_by'))
    .select([
      'f.id', 'f.category', 'f.content', 'f.status', 'f.reply', 'f.replied_at', 'f.created_at', 'f.user_id',
      'a.name as author_name', 'r.name as replier_name',
    ])
    .where('f.tenant_id', '=', tenantId);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toDto = (r: Row) => ({
  id: r.id, category: r.category, content: r.content, status: r.status, reply: r.reply,
  repliedAt: r.replied_at?.toISOString() ?? null, repliedByName: r.replier_name,
  authorId: r.user_id, authorName: r.author_name, createdAt: r.created_at.toISOString(),
});

/** Active users whose roles let them read feedback, grouped by language for their notification. */
async function feedbackReaders(db: DbOrTx, tenantId: string): Promise<Map<Locale, string[]>> {
  const rows = await db.selectFrom('users as u')
    .innerJoin('user_roles as ur', (j) => j.onRef('ur.tenant_id', '=', 'u.tenant_id').onRef('ur.user_id', '=', 'u.id'))
    .innerJoin('roles as ro', (j) => j.onRef('ro.tenant_id', '=', 'ur.tenant_id').onRef('ro.id', '=', 'ur.role_id'))
    .select(['u.id', 'u.locale'])
    .distinct()
    .where('u.tenant_id', '=', tenantId)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`'feedback.read' = any(ro.permissions)`)
    .execute();
  const byLocale = new Map<Locale, string[]>();
  for (const row of rows) byLocale.set(row.locale, [...(byLocale.get(row.locale) ?? []), row.id]);
  return byLocale;
}

/** 意见反馈: stores it and tells those who read feedback (each in their own language). */
export async function submitFeedback(db: Db, auth: AuthContext, input: { category: FeedbackCategory; content: string }) {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('feedback')
      .values({ tenant_id: auth.tenantId, user_id: auth.userId, category: input.category, content: input.content, reply: null, replied_by: null })
      .returning('id').executeTakeFirstOrThrow();
    for (const [locale, userIds] of await feedbackReaders(tx, auth.tenantId)) {
      await notify(tx, {
        tenantId: auth.tenantId, userIds: userIds.filter((u) => u !== auth.userId), kind: 'notice',
        title: t(locale, 'help.feedback.new_title', { category: t(locale, `help.category.${input.category}`) }),
        body: input.content.slice(0, 500), link: FEEDBACK_READERS_LINK,
      });
    }
    return toDto(await baseQuery(tx, auth.tenantId).where('f.id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function listMyFeedback(db: Db, auth: AuthContext) {
  const rows = await baseQuery(db, auth.tenantId).where('f.user_id', '=', auth.userId).orderBy('f.created_at', 'desc').limit(100).execute();
  return rows.map(toDto);
}

export async function listFeedback(db: Db, auth: AuthContext, query: { status?: 'open' | 'replied'; page: number; pageSize: number }) {
  let base = baseQuery(db, auth.tenantId);
  let count = db.selectFrom('feedback as f').select((eb) => eb.fn.countAll<string>().as('count')).where('f.tenant_id', '=', auth.tenantId);
  if (query.status) {
    base = base.where('f.status', '=', query.status);
    count = count.where('f.status', '=', query.status);
  }
  const [rows, total] = await Promise.all([
    base.orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDto), total: Number(total.count) };
}

/** Answers a piece of feedback; its author is notified (in their language) and can read it under 帮助. */
export async function replyToFeedback(db: Db, auth: AuthContext, id: string, reply: string, requestId: string) {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('feedback').select(['user_id', 'reply'])
      .where('tenant_id', '=', auth.tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    await tx.updateTable('feedback')
      .set({ reply, status: 'replied', replied_by: auth.userId, replied_at: new Date() })
      .where('tenant_id', '=', auth.tenantId).where('id', '=', id).execute();
    const author = await tx.selectFrom('users').select('locale').where('tenant_id', '=', auth.tenantId).where('id', '=', before.user_id).executeTakeFirstOrThrow();
    await notify(tx, {
      tenantId: auth.tenantId, userIds: [before.user_id], kind: 'notice',
      title: t(author.locale, 'help.feedback.replied_title'), body: reply.slice(0, 500), link: MY_FEEDBACK_LINK,
    });
    await writeAudit(tx, {
      tenantId: auth.tenantId, actorId: auth.userId, objectType: 'feedback', recordId: id, action: 'reply',
      changes: [{ field: 'reply', old: before.reply, new: reply }], requestId,
    });
    return toDto(await baseQuery(tx, auth.tenantId).where('f.id', '=', id).executeTakeFirstOrThrow());
  });
}

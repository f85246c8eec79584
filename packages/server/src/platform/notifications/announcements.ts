import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../db/database';
import type { AuthContext } from '../auth/context';
import { writeAudit } from '../audit/audit';
import { invalid, notFound } from '../http/errors';
import { activeUsersOfTenant, departmentAndAncestors, usersInDepartmentTree } from './departments';
import { notify } from './notify';
import './messages';

export interface NewAnnouncement {
  title: string;
  body: string;
  /** Null: the whole company; else that department and every department below it. */
  departmentId: string | null;
}

const announcementColumns = [
  'a.id', 'a.title', 'a.body', 'a.department_id', 'a.created_at', 'a.author_id',
  'u.name as author_name', 'd.name as department_name',
] as const;

function baseQuery(db: DbOrTx, tenantId: string) {
  return db.selectFrom('announcements as a')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.author_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'a.tenant_id').onRef('d.id', '=', 'a.department_id'))
    .where('a.tenant_id', '=', tenantId);
}

type Row = { id: string; title: string; body: string; department_id: string | null; created_at: Date; author_id: string; author_name: string; department_name: string | null };
const toDto = (r: Row) => ({
  id: r.id, title: r.title, body: r.body, departmentId: r.department_id, departmentName: r.department_name,
  authorId: r.author_id, authorName: r.author_name, createdAt: r.created_at.toISOString(),
});

/** §2.1 部门公告: posts to the company or a department subtree and notifies everyone it reaches. */
export async function postAnnouncement(db: Db, auth: AuthContext, input: NewAnnouncement, meta: { appUrl: string; requestId: string }) {
  return db.transaction().execute(async (tx) => {
    if (input.departmentId) {
      const department = await tx.selectFrom('departments').select('id')
        .where('tenant_id', '=', auth.tenantId).where('id', '=', input.departmentId).executeTakeFirst();
      if (!department) throw invalid('notifications.department_missing');
    }
    const { id } = await tx.insertInto('announcements')
      .values({ tenant_id: auth.tenantId, department_id: input.departmentId, title: input.title, body: input.body, author_id: auth.userId })
      .returning('id').executeTakeFirstOrThrow();
    const userIds = input.departmentId
      ? await usersInDepartmentTree(tx, auth.tenantId, input.departmentId)
      : await activeUsersOfTenant(tx, auth.tenantId);
    const { count } = await notify(tx, {
      tenantId: auth.tenantId, userIds, kind: 'announcement', title: input.title, body: input.body,
      link: `/announcements/${id}`, emailEvent: 'announcement', appUrl: meta.appUrl,
    });
    await writeAudit(tx, {
      tenantId: auth.tenantId, actorId: auth.userId, objectType: 'announcement', recordId: id, action: 'post',
      changes: [{ field: 'recipients', old: null, new: count }], requestId: meta.requestId,
    });
    const row = await baseQuery(tx, auth.tenantId).select(announcementColumns).where('a.id', '=', id).executeTakeFirstOrThrow();
    return { announcement: toDto(row), recipients: count };
  });
}

/** Announcements addressed to me: to the whole company, my department or a department above it. */
export async function listVisibleAnnouncements(db: Db, auth: AuthContext, page: { page: number; pageSize: number }) {
  const departments = await departmentAndAncestors(db, auth.tenantId, auth.departmentId);
  const visible = baseQuery(db, auth.tenantId)
    .where((eb) => eb.or([eb('a.department_id', 'is', null), eb('a.department_id', '=', sql<string>`any(${departments}::uuid[])`)]));
  return paged(visible, page);
}

/** Every announcement of the company, for those who may post them. */
export async function listAllAnnouncements(db: Db, auth: AuthContext, page: { page: number; pageSize: number }) {
  return paged(baseQuery(db, auth.tenantId), page);
}

async function paged(query: ReturnType<typeof baseQuery>, page: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    query.select(announcementColumns).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc')
      .limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDto), total: Number(total.count) };
}

/** One announcement, if it is addressed to me or I may post announcements. */
export async function getAnnouncement(db: Db, auth: AuthContext, id: string) {
  const row = await baseQuery(db, auth.tenantId).select(announcementColumns).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.department_id && !auth.permissions.has('announcement.post')) {
    const mine = await departmentAndAncestors(db, auth.tenantId, auth.departmentId);
    if (!mine.includes(row.department_id)) throw notFound();
  }
  return toDto(row);
}

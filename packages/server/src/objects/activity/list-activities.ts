import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { standardObject } from '../../metadata/objects';
import { filesOfRecords } from '../../records/record-files';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canRead } from '../../records/visibility';
import type { ActivityItem } from './activity.types';
import { ACCOUNT_CHILDREN } from './follow-up';
import { sanitizeStoredContent } from './sanitize-content';

interface FeedRow {
  id: string;
  type: string;
  content: string;
  occurred_at: Date | null;
  created_at: Date;
  related_object: string;
  related_id: string;
  poster_id: string | null;
  poster_name: string | null;
  avatar_file_id: string | null;
}

/**
 * Which activities make up a record's 动态: those posted on it, and on an account also those of its
 * contacts, opportunities, contracts and orders that the viewer may read (the same predicate as
 * their lists, so the account page never shows a deal the viewer may not see).
 */
async function feedPredicate(db: DbOrTx, scope: RecordScope, recordId: string): Promise<RawBuilder<SqlBool>> {
  const own = sql<SqlBool>`(a.related_object = ${scope.object.key} AND a.related_id = ${recordId})`;
  if (scope.object.key !== 'account') return own;
  const children = await Promise.all(ACCOUNT_CHILDREN.map(async (child) => {
    const object = await loadObject(db, scope.auth.tenantId, child.key);
    return sql<SqlBool>`(a.related_object = ${child.key} AND a.related_id IN (
      SELECT ${sql.ref(`${R}.id`)}::text FROM ${sql.table(child.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.account_id`)} = ${recordId}::uuid
        AND ${canRead(object, scope.viewer)}))`;
  }));
  return sql<SqlBool>`(${sql.join([own, ...children], sql` OR `)})`;
}

/**
 * A page of a record's 动态, newest first, with posters, attachments and the record each was posted
 * on; `onlyId` narrows it to one activity (the one just posted).
 */
export async function listActivities(db: DbOrTx, scope: RecordScope, recordId: string, page: { page: number; pageSize: number }, onlyId?: string) {
  const tenantId = scope.auth.tenantId;
  const where = sql<SqlBool>`a.tenant_id = ${tenantId}::uuid AND ${await feedPredicate(db, scope, recordId)}
    ${onlyId ? sql`AND a.id = ${onlyId}::uuid` : sql``}`;
  const [rows, count] = await Promise.all([
    sql<FeedRow>`SELECT a.id, a.type, a.content, a.occurred_at, a.created_at, a.related_object, a.related_id,
        u.id AS poster_id, u.name AS poster_name, u.avatar_file_id
      FROM activities a LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = COALESCE(a.created_by, a.owner_id)
      WHERE ${where}
      ORDER BY a.occurred_at DESC NULLS LAST, a.created_at DESC, a.id DESC
      LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM activities a WHERE ${where}`.execute(db),
  ]);
  const [files, names] = await Promise.all([
    filesOfRecords(db, tenantId, 'activity', rows.rows.map((r) => r.id)),
    sourceNames(db, scope, recordId, rows.rows),
  ]);
  const items: ActivityItem[] = rows.rows.map((r) => ({
    id: r.id,
    type: r.type,
    // Sanitised again on the way out: rows written before a tighter allow-list are shown under the current one.
    content: sanitizeStoredContent(r.content),
    occurredAt: (r.occurred_at ?? r.created_at).toISOString(),
    createdAt: r.created_at.toISOString(),
    poster: r.poster_id ? { id: r.poster_id, name: r.poster_name ?? '', avatarUrl: r.avatar_file_id ? `/api/v1/files/${r.avatar_file_id}` : null } : null,
    attachments: (files.get(r.id) ?? []).map(({ id, fileName, mimeType, size, isImage, url }) => ({ id, fileName, mimeType, size, isImage, url })),
    source: { object: r.related_object, id: r.related_id, name: names.get(`${r.related_object}:${r.related_id}`) ?? null },
  }));
  return { items, total: count.rows[0]!.n };
}

/** Names of the records the page's activities were posted on; the feed predicate already checked they are readable. */
async function sourceNames(db: DbOrTx, scope: RecordScope, recordId: string, rows: FeedRow[]): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const r of rows) byObject.set(r.related_object, (byObject.get(r.related_object) ?? new Set()).add(r.related_id));
  byObject.set(scope.object.key, (byObject.get(scope.object.key) ?? new Set()).add(recordId));
  const names = new Map<string, string>();
  await Promise.all([...byObject].map(async ([key, ids]) => {
    const object = standardObject(key);
    const column = object?.fields.find((f) => f.key === object.nameField)?.column;
    if (!object || !column) return;
    const found = await sql<{ id: string; name: string | null }>`SELECT id::text AS id, ${sql.ref(column)}::text AS name FROM ${sql.table(object.table)}
      WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ANY(${[...ids]}::uuid[])`.execute(db);
    for (const row of found.rows) names.set(`${key}:${row.id}`, row.name ?? '');
  }));
  return names;
}

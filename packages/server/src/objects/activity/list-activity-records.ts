import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { standardObject } from '../../metadata/objects';
import type { RecordScope } from '../../records/scope';
import { activityFeed } from './activity-feed';
import type { ActivityRecord, ActivityRecordsFilter } from './activity-records.types';
import { sanitizeStoredContent } from './sanitize-content';

interface Row {
  kind: 'activity' | 'task';
  id: string;
  type: string;
  content: string;
  occurred_at: Date;
  person_id: string | null;
  person_name: string | null;
  department_id: string | null;
  department_name: string | null;
  related_object: string | null;
  related_id: string | null;
}

/** Feed rows, newest first, with the person and their department; `limit` null for all (export). */
export async function selectActivityRecords(db: DbOrTx, scope: RecordScope, filter: ActivityRecordsFilter, limit: number | null, offset = 0) {
  const feed = await activityFeed(db, scope, filter);
  const { rows } = await sql<Row>`SELECT f.kind, f.id::text AS id, f.type, f.content, f.occurred_at, f.person_id::text AS person_id,
      u.name AS person_name, d.id::text AS department_id, d.name AS department_name, f.related_object, f.related_id
    FROM ${feed} AS f
    LEFT JOIN users u ON u.tenant_id = ${scope.auth.tenantId}::uuid AND u.id = f.person_id
    LEFT JOIN departments d ON d.tenant_id = u.tenant_id AND d.id = u.department_id
    ORDER BY f.occurred_at DESC, f.id DESC
    ${limit === null ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`}`.execute(db);
  const names = await sourceNames(db, scope.auth.tenantId, rows);
  return rows.map((r): ActivityRecord => ({
    kind: r.kind,
    id: r.id,
    type: r.type,
    // Sanitised again on the way out, as on a record's 动态 tab.
    content: r.kind === 'activity' ? sanitizeStoredContent(r.content) : r.content,
    occurredAt: r.occurred_at.toISOString(),
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    source: r.related_object && r.related_id
      ? { object: r.related_object, id: r.related_id, name: names.get(`${r.related_object}:${r.related_id}`) ?? null } : null,
  }));
}

/** A page of 活动记录 and how many there are under the same filters. */
export async function listActivityRecords(db: DbOrTx, scope: RecordScope, query: ActivityRecordsFilter & { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    selectActivityRecords(db, scope, query, query.pageSize, (query.page - 1) * query.pageSize),
    activityFeed(db, scope, query).then((feed) => sql<{ n: number }>`SELECT count(*)::int AS n FROM ${feed} AS f`.execute(db)),
  ]);
  return { items, total: count.rows[0]!.n };
}

/** Names of the records the rows hang on; the feed predicate already checked the viewer may read them. */
async function sourceNames(db: DbOrTx, tenantId: string, rows: Row[]): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.related_object && r.related_id && /^[0-9a-f-]{36}$/i.test(r.related_id)) {
      byObject.set(r.related_object, (byObject.get(r.related_object) ?? new Set()).add(r.related_id));
    }
  }
  const names = new Map<string, string>();
  await Promise.all([...byObject].map(async ([key, ids]) => {
    const object = standardObject(key);
    const column = object?.fields.find((f) => f.key === object.nameField)?.column;
    if (!object || !column) return;
    const found = await sql<{ id: string; name: string | null }>`SELECT id::text AS id, ${sql.ref(column)}::text AS name FROM ${sql.table(object.table)}
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${[...ids]}::uuid[])`.execute(db);
    for (const row of found.rows) names.set(`${key}:${row.id}`, row.name ?? '');
  }));
  return names;
}

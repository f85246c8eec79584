import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canRead } from '../../records/visibility';
import { FEED_OBJECTS } from './activity.types';
import { TASK_TYPE, type ActivityRecordsFilter } from './activity-records.types';

const DONE = '已完成'; // the task object's finished status (metadata/objects/task.ts)

/**
 * `<column> IN (ids of <object> records the viewer may read)`, for each object a feed item can hang on.
 * The subqueries are uncorrelated and alias the record `r`, so canRead is the very predicate the
 * object's own lists use (§4: one visibility rule, composed in SQL).
 */
async function readableParent(db: DbOrTx, scope: RecordScope, alias: string): Promise<RawBuilder<SqlBool>> {
  const tenantId = scope.auth.tenantId;
  const parts = await Promise.all(FEED_OBJECTS.map(async (parent) => {
    const object = await loadObject(db, tenantId, parent.key);
    return sql<SqlBool>`(${sql.ref(`${alias}.related_object`)} = ${parent.key} AND ${sql.ref(`${alias}.related_id`)} IN (
      SELECT ${sql.ref(`${R}.id`)}::text FROM ${sql.table(parent.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${canRead(object, scope.viewer)}))`;
  }));
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** [from, to] as company-time-zone days, on the given timestamp expression. */
function inRange(at: RawBuilder<unknown>, filter: ActivityRecordsFilter, timeZone: string): RawBuilder<SqlBool> {
  const bounds = [
    filter.from ? sql`${at} >= (${filter.from}::date)::timestamp AT TIME ZONE ${timeZone}` : null,
    filter.to ? sql`${at} < (${filter.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}` : null,
  ].filter((b) => b !== null);
  return bounds.length ? sql<SqlBool>`${sql.join(bounds, sql` AND `)}` : sql<SqlBool>`true`;
}

/** The person filters: one person, or everyone in a department and the departments under it. */
function personPredicate(column: RawBuilder<unknown>, scope: RecordScope, filter: ActivityRecordsFilter): RawBuilder<SqlBool> {
  const tenantId = scope.auth.tenantId;
  const parts: RawBuilder<SqlBool>[] = [];
  if (filter.personId) parts.push(sql<SqlBool>`${column} = ${filter.personId}::uuid`);
  if (filter.departmentId) {
    parts.push(sql<SqlBool>`${column} IN (
      WITH RECURSIVE below AS (
        SELECT id FROM departments WHERE tenant_id = ${tenantId}::uuid AND id = ${filter.departmentId}::uuid
        UNION SELECT d.id FROM departments d JOIN below b ON d.parent_id = b.id WHERE d.tenant_id = ${tenantId}::uuid)
      SELECT u.id FROM users u WHERE u.tenant_id = ${tenantId}::uuid AND u.department_id IN (SELECT id FROM below))`);
  }
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`true`;
}

/**
 * 活动记录 (§3.7.7, §4.5): every 动态 posted on a record the viewer may read, and every completed task
 * the viewer may see (its assignee's line, its creator, or whoever may read the record it is on —
 * the same reach as the task itself), as one relation:
 * kind, id, type, content, occurred_at, person_id, related_object, related_id.
 */
export async function activityFeed(db: DbOrTx, scope: RecordScope, filter: ActivityRecordsFilter): Promise<RawBuilder<unknown>> {
  const tenantId = scope.auth.tenantId;
  const branches: RawBuilder<unknown>[] = [];
  if (filter.type !== TASK_TYPE) {
    const at = sql`COALESCE(a.occurred_at, a.created_at)`;
    branches.push(sql`SELECT 'activity'::text AS kind, a.id, a.type, a.content, ${at} AS occurred_at, a.owner_id AS person_id,
        a.related_object, a.related_id
      FROM activities a
      WHERE a.tenant_id = ${tenantId}::uuid ${filter.type ? sql`AND a.type = ${filter.type}` : sql``}
        AND ${inRange(at, filter, scope.timeZone)} AND ${personPredicate(sql`a.owner_id`, scope, filter)}
        AND ${await readableParent(db, scope, 'a')}`);
  }
  if (filter.type === undefined || filter.type === TASK_TYPE) {
    const task = await loadObject(db, tenantId, 'task');
    // The task row is aliased r so canRead(task) applies to it; readableParent's subqueries alias their own r.
    branches.push(sql`SELECT 'task'::text AS kind, r.id, ${TASK_TYPE}::text AS type, r.subject AS content, r.completed_at AS occurred_at,
        r.owner_id AS person_id, r.related_object, r.related_id
      FROM tasks r
      WHERE r.tenant_id = ${tenantId}::uuid AND r.status = ${DONE} AND r.completed_at IS NOT NULL
        AND ${inRange(sql`r.completed_at`, filter, scope.timeZone)} AND ${personPredicate(sql`r.owner_id`, scope, filter)}
        AND (${canRead(task, scope.viewer)} OR r.created_by = ${scope.auth.userId}::uuid OR ${await readableParent(db, scope, R)})`);
  }
  return sql`(${sql.join(branches, sql` UNION ALL `)})`;
}

import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import { activityFeed } from './activity-feed';
import type { ActivityRecordsFilter } from './activity-records.types';

/**
 * 活动记录排行榜 (§3.7.7): how many activities (and completed tasks) each person has in the range, over
 * the very rows the feed shows — so a rep who sees only their own records ranks only themselves.
 */
export async function activityRanking(db: DbOrTx, scope: RecordScope, filter: ActivityRecordsFilter) {
  const feed = await activityFeed(db, scope, filter);
  const { rows } = await sql<{ person_id: string; person_name: string; department_id: string | null; department_name: string | null; n: number }>`
    SELECT u.id::text AS person_id, u.name AS person_name, d.id::text AS department_id, d.name AS department_name, count(*)::int AS n
    FROM ${feed} AS f
    JOIN users u ON u.tenant_id = ${scope.auth.tenantId}::uuid AND u.id = f.person_id
    LEFT JOIN departments d ON d.tenant_id = u.tenant_id AND d.id = u.department_id
    GROUP BY u.id, u.name, d.id, d.name
    ORDER BY n DESC, u.name, u.id`.execute(db);
  return {
    items: rows.map((r) => ({
      person: { id: r.person_id, name: r.person_name },
      department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
      count: r.n,
    })),
  };
}

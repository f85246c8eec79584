import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import { poolCtx } from '../../objects/pool/actions';
import { assignEntering, assignmentEvents, type Assignment } from '../../objects/pool/assign-batch';
import type { AssignedTally } from '../../objects/pool/enter-pool';
import { invalid } from '../../platform/http/errors';
import type { RecordScope } from '../../records/scope';

type Row = Record<string, unknown>;

export type PoolDefaults = Awaited<ReturnType<typeof poolDefaults>>;

/**
 * 所属公海 for records an import creates, as the pool hook sets it on a single create: the default
 * group when the row names none, and only a group the importer belongs to (read once per import).
 */
export async function poolDefaults(db: DbOrTx, scope: RecordScope) {
  const { tenantId } = scope.auth;
  const groups = await db.selectFrom('pool_groups').select(['id', 'name', 'is_default'])
    .where('tenant_id', '=', tenantId).where('object', '=', scope.object.key as 'lead' | 'account').execute();
  const fallback = groups.find((g) => g.is_default)?.id;
  const member = new Set(scope.viewer.pools.member);
  return {
    check(input: Row) {
      const given = input.poolGroupId;
      if (given === undefined || given === null || given === '') { input.poolGroupId = fallback; return; }
      const group = groups.find((g) => g.id === given);
      if (group && !member.has(group.id)) throw invalid('pool.not_member', { group: group.name });
    },
  };
}

/**
 * Records a batch creates straight into their pools (`entering`), before they are written: the groups'
 * auto-assign rules run set-based through the pool room's assignEntering (the same outcome as
 * afterEnteringPool per record), on the rows as they are about to be stored, and the assigned rows
 * are changed to be inserted held by their new owners. Answers what poolEntryEvents records.
 */
export async function assignBeforeInsert(tx: Tx, scope: RecordScope, entering: Row[], assigned: AssignedTally): Promise<Assignment[]> {
  const assignments = await assignEntering(tx, poolCtx(scope), entering, assigned);
  const byId = new Map(entering.map((r) => [r.id as string, r]));
  for (const a of assignments) {
    const record = byId.get(a.id)!;
    Object.assign(record, { owner_id: a.userId, department_id: a.departmentId, pool_state: 'held', claimed_at: record.created_at });
  }
  return assignments;
}

/**
 * The event log of records a batch created in their pools, in one statement: each record's
 * create_in_pool, then its auto_assign when a rule gave it away, as the single-record path writes them.
 */
export async function poolEntryEvents(tx: Tx, scope: RecordScope, entered: Row[], assignments: Assignment[]) {
  const { tenantId, userId } = scope.auth;
  const given = assignmentEvents(assignments);
  await sql`INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, from_owner_id, to_owner_id, from_group_id, to_group_id, detail, at)
    SELECT ${tenantId}::uuid, ${scope.object.key}, e.record_id, e.kind, ${userId}::uuid, NULL, e.user_id, e.from_group_id, e.group_id, e.detail,
      coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())
    FROM (
      SELECT c.record_id, 'create_in_pool' AS kind, NULL::uuid AS user_id, NULL::uuid AS from_group_id, c.group_id, '{}'::jsonb AS detail, c.n, 0 AS step
        FROM unnest(${entered.map((r) => r.id as string)}::uuid[], ${entered.map((r) => r.pool_group_id as string)}::uuid[]) WITH ORDINALITY AS c(record_id, group_id, n)
      UNION ALL
      SELECT a.record_id, 'auto_assign', a.user_id, a.group_id, a.group_id, a.detail, o.n, 1
        FROM unnest(${given.recordIds}::uuid[], ${given.userIds}::uuid[], ${given.groupIds}::uuid[], ${given.details}::jsonb[]) AS a(record_id, user_id, group_id, detail)
        JOIN unnest(${entered.map((r) => r.id as string)}::uuid[]) WITH ORDINALITY AS o(record_id, n) ON o.record_id = a.record_id
    ) AS e
    ORDER BY e.n, e.step`.execute(tx);
}

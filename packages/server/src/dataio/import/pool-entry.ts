import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { poolCtx } from '../../objects/pool/actions';
import { assignEntered } from '../../objects/pool/assign-batch';
import { sendAssignedNotices, type AssignedNotices } from '../../objects/pool/enter-pool';
import { invalid } from '../../platform/http/errors';
import type { RecordScope } from '../../records/scope';
import { timed } from './phases';

type Row = Record<string, unknown>;

/**
 * 所属公海 for records a batch creates, as the pool hook sets it on a single create: the default
 * group when the row names none, and only a group the importer belongs to.
 */
export async function poolDefaults(tx: Tx, scope: RecordScope) {
  const { tenantId } = scope.auth;
  const groups = await tx.selectFrom('pool_groups').select(['id', 'name', 'is_default'])
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
 * Records a batch created straight into their pools: the event log says so (one statement for the
 * batch), then the groups' auto-assign rules run set-based through the pool room's assignEntered
 * (the same outcome as afterEnteringPool per record), and each assignee hears once for the batch.
 * Answers the rows the rules changed, by id.
 */
export async function enterPools(tx: Tx, scope: RecordScope, rows: Row[]): Promise<Map<string, Row>> {
  if (!rows.length) return new Map();
  const { tenantId, userId } = scope.auth;
  await timed('pool: entry events', () => sql`INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, to_group_id, detail, at)
    SELECT ${tenantId}::uuid, ${scope.object.key}, e.record_id, 'create_in_pool', ${userId}::uuid, e.group_id, '{}'::jsonb,
      coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())
    FROM unnest(${rows.map((r) => r.id as string)}::uuid[], ${rows.map((r) => r.pool_group_id as string)}::uuid[]) AS e(record_id, group_id)`.execute(tx));
  const pool = poolCtx(scope);
  const notices: AssignedNotices = new Map();
  const changed = await timed('pool: assign', () => assignEntered(tx, pool, rows, notices));
  await timed('pool: notices', () => sendAssignedNotices(tx, pool, notices));
  return changed;
}

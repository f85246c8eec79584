import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { FilterNode } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { poolCtx } from '../../objects/pool/actions';
import { afterEnteringPool, sendAssignedNotices, type AssignedNotices } from '../../objects/pool/enter-pool';
import { invalid } from '../../platform/http/errors';
import { compileFilter } from '../../records/filter-sql';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';

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
 * batch), then the group's auto-assign rules get their chance through the pool room's
 * afterEnteringPool. Only rows meeting some enabled rule's conditions can be assigned, so the
 * others (found set-based) are not offered to it: for them it would change nothing.
 * Answers the rows the rules changed, by id.
 */
export async function enterPools(tx: Tx, scope: RecordScope, rows: Row[]): Promise<Map<string, Row>> {
  const changed = new Map<string, Row>();
  if (!rows.length) return changed;
  const { tenantId, userId } = scope.auth;
  await sql`INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, to_group_id, detail, at)
    SELECT ${tenantId}::uuid, ${scope.object.key}, e.record_id, 'create_in_pool', ${userId}::uuid, e.group_id, '{}'::jsonb,
      coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())
    FROM unnest(${rows.map((r) => r.id as string)}::uuid[], ${rows.map((r) => r.pool_group_id as string)}::uuid[]) AS e(record_id, group_id)`.execute(tx);

  const groupIds = [...new Set(rows.map((r) => r.pool_group_id as string))];
  const rules = await tx.selectFrom('pool_assign_rules').select(['group_id', 'conditions'])
    .where('tenant_id', '=', tenantId).where('group_id', 'in', groupIds).where('enabled', '=', true).execute();
  if (!rules.length) return changed;
  // Rules compare record fields only; no one is "me" in them (as in the pool room's own matching).
  const ctx = { userId: '00000000-0000-0000-0000-000000000000', subordinateIds: [], timeZone: scope.timeZone };
  const candidates = new Set<string>();
  for (const groupId of new Set(rules.map((r) => r.group_id))) {
    const ids = rows.filter((r) => r.pool_group_id === groupId).map((r) => r.id as string);
    const meets: RawBuilder<SqlBool>[] = rules.filter((r) => r.group_id === groupId).map((r) => compileFilter(scope.object, { and: r.conditions } as FilterNode, ctx));
    const { rows: found } = await sql<{ id: string }>`SELECT ${sql.ref(`${R}.id`)} AS id FROM ${sql.table(scope.object.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${ids}::uuid[]) AND (${sql.join(meets, sql` OR `)})`.execute(tx);
    for (const f of found) candidates.add(f.id);
  }
  const pool = poolCtx(scope);
  const notices: AssignedNotices = new Map();
  for (const row of rows) {
    if (!candidates.has(row.id as string)) continue;
    const after = await afterEnteringPool(tx, pool, row, notices);
    if (after !== row) changed.set(row.id as string, after);
  }
  await sendAssignedNotices(tx, pool, notices);
  return changed;
}

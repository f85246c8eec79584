import { sql } from 'kysely';
import type { FilterNode } from '@yixiao/core';
import type { Tx } from '../../db/database';
import type { AssignTarget } from '../../db/schema-pools';
import { compileFilter } from '../../records/filter-sql';
import { R } from '../../records/sql-ref';
import { RULE_CONTEXT } from './assign-rules';
import { nameColumn, type AssignedNotices, type PoolCtx } from './enter-pool';

type Row = Record<string, unknown>;

interface LockedRule {
  id: string;
  name: string;
  conditions: unknown[];
  targets: AssignTarget[];
  turn: number;
  /** The turn as stored, to write next_turn only for rules that handed something out. */
  stored: number;
  /** The rule's users in turn order (expandTargets' order). */
  users: string[];
  /** Rows of the batch meeting the rule's conditions, by id. */
  meets: Set<string>;
}

interface Assignment {
  id: string;
  userId: string;
  departmentId: string | null;
  rule: LockedRule;
  groupId: string;
}

/**
 * Auto-assignment for many records that just entered their pools (an import batch), set-based and
 * with the same outcome as afterEnteringPool called for each row in turn: same owners, departments,
 * events, turns and notices. Per group: its enabled rules locked once (in position order, as
 * chooseAssignee takes them), one statement per rule for the rows meeting its conditions, the
 * targets expanded once, the members' held counts read once under the same advisory locks claims
 * take; then the turns are handed out in memory in row order (first matching rule with an eligible
 * user wins, users at the limit skipped), and the writes go out as one statement each.
 * Answers the assigned rows' ids and new versions, by id.
 */
export async function assignEntered(tx: Tx, ctx: PoolCtx, rows: Row[], notices: AssignedNotices): Promise<Map<string, Row>> {
  const entering = rows.filter((r) => r.pool_group_id && r.pool_state === 'pool');
  const assignments: Assignment[] = [];
  const rules: LockedRule[] = [];
  for (const groupId of new Set(entering.map((r) => r.pool_group_id as string))) {
    const inGroup = entering.filter((r) => r.pool_group_id === groupId);
    const done = await assignGroup(tx, ctx, groupId, inGroup);
    assignments.push(...done.assignments);
    rules.push(...done.rules);
  }
  const changed = new Map<string, Row>();
  if (!assignments.length) return changed;
  // Row order across groups, as one-by-one would have visited them.
  const order = new Map(rows.map((r, i) => [r.id as string, i]));
  assignments.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const { tenantId, actorId, pool } = ctx;
  const { rows: given } = await sql<Row>`UPDATE ${sql.table(pool.table)} AS t
    SET owner_id = a.user_id, department_id = a.department_id, pool_state = 'held', claimed_at = now(),
        recycle_warned_at = NULL, version = t.version + 1, updated_by = ${actorId}::uuid, updated_at = now()
    FROM unnest(${assignments.map((a) => a.id)}::uuid[], ${assignments.map((a) => a.userId)}::uuid[], ${assignments.map((a) => a.departmentId)}::uuid[]) AS a(id, user_id, department_id)
    WHERE t.tenant_id = ${tenantId}::uuid AND t.id = a.id RETURNING t.id, t.version`.execute(tx);
  for (const row of given) changed.set(row.id as string, row);
  // What goes along with a record (an account's contacts) is the pool object's own statement per record.
  if (pool.carry) for (const a of assignments) await pool.carry(tx, tenantId, a.id, a.userId, a.departmentId, actorId);
  await sql`INSERT INTO record_events (tenant_id, object, record_id, kind, actor_id, from_owner_id, to_owner_id, from_group_id, to_group_id, detail, at)
    SELECT ${tenantId}::uuid, ${pool.key}, e.record_id, 'auto_assign', ${actorId}::uuid, NULL, e.user_id, e.group_id, e.group_id, e.detail,
      coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())
    FROM unnest(${assignments.map((a) => a.id)}::uuid[], ${assignments.map((a) => a.userId)}::uuid[], ${assignments.map((a) => a.groupId)}::uuid[],
      ${assignments.map((a) => JSON.stringify({ ruleId: a.rule.id, ruleName: a.rule.name }))}::jsonb[]) WITH ORDINALITY AS e(record_id, user_id, group_id, detail, n)
    ORDER BY e.n`.execute(tx);
  const moved = rules.filter((r) => r.turn !== r.stored);
  if (moved.length) {
    await sql`UPDATE pool_assign_rules AS p SET next_turn = m.turn
      FROM unnest(${moved.map((r) => r.id)}::uuid[], ${moved.map((r) => r.turn)}::bigint[]) AS m(id, turn)
      WHERE p.tenant_id = ${tenantId}::uuid AND p.id = m.id`.execute(tx);
  }
  const names = new Map(rows.map((r) => [r.id as string, String(r[nameColumn(ctx.object)] ?? '')]));
  for (const a of assignments) notices.set(a.userId, [...(notices.get(a.userId) ?? []), { id: a.id, name: names.get(a.id)! }]);
  return changed;
}

async function assignGroup(tx: Tx, ctx: PoolCtx, groupId: string, rows: Row[]): Promise<{ assignments: Assignment[]; rules: LockedRule[] }> {
  const { tenantId, pool } = ctx;
  const locked = await tx.selectFrom('pool_assign_rules').select(['id', 'name', 'conditions', 'targets', 'next_turn'])
    .where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('enabled', '=', true)
    .orderBy('position').orderBy('created_at').forUpdate().execute();
  if (!locked.length) return { assignments: [], rules: [] };
  const ids = rows.map((r) => r.id as string);
  const rules: LockedRule[] = [];
  for (const rule of locked) {
    const where = compileFilter(ctx.object, { and: rule.conditions } as FilterNode, RULE_CONTEXT(ctx.timeZone));
    const { rows: found } = await sql<{ id: string }>`SELECT ${sql.ref(`${R}.id`)} AS id FROM ${sql.table(pool.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${ids}::uuid[]) AND ${where}`.execute(tx);
    const turn = Number(rule.next_turn);
    rules.push({ id: rule.id, name: rule.name, conditions: rule.conditions, targets: rule.targets, turn, stored: turn, users: [], meets: new Set(found.map((f) => f.id)) });
  }
  const matching = rules.filter((r) => r.meets.size > 0);
  if (!matching.length) return { assignments: [], rules: [] };

  // Every target of every matching rule in one statement, ordered as expandTargets orders a department's users.
  const userTargets = [...new Set(matching.flatMap((r) => r.targets.filter((t) => t.type === 'user').map((t) => t.id)))];
  const deptTargets = [...new Set(matching.flatMap((r) => r.targets.filter((t) => t.type !== 'user').map((t) => t.id)))];
  const candidates = await tx.selectFrom('users').select(['id', 'department_id'])
    .where('tenant_id', '=', tenantId).where('status', '=', 'active')
    .where((eb) => eb.or([
      ...(userTargets.length ? [eb('id', 'in', userTargets)] : []),
      ...(deptTargets.length ? [eb('department_id', 'in', deptTargets)] : []),
    ]))
    .orderBy('name').orderBy('id').execute();
  const departmentOf = new Map(candidates.map((u) => [u.id, u.department_id]));
  for (const rule of matching) {
    for (const target of rule.targets) {
      const users = target.type === 'user' ? (departmentOf.has(target.id) ? [target.id] : []) : candidates.filter((u) => u.department_id === target.id).map((u) => u.id);
      for (const id of users) if (!rule.users.includes(id)) rule.users.push(id);
    }
  }

  // The limit: the same advisory locks as a claim, taken in one stable order, then every member's count at once.
  const group = await tx.selectFrom('pool_groups').select('max_held').where('tenant_id', '=', tenantId).where('id', '=', groupId).executeTakeFirstOrThrow();
  const limit = group.max_held;
  const held = new Map<string, number>();
  if (limit != null) {
    const members = [...new Set(matching.flatMap((r) => r.users))].sort();
    if (members.length) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${members.map((u) => `pool-limit:${tenantId}:${groupId}:${u}`)}::text[]) WITH ORDINALITY AS l(k, n) ORDER BY l.n`.execute(tx);
      const { rows: counts } = await sql<{ owner_id: string; n: number }>`SELECT ${sql.ref(`${R}.owner_id`)} AS owner_id, count(*)::int AS n
        FROM ${sql.table(pool.table)} AS ${sql.ref(R)}
        WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.pool_group_id`)} = ${groupId}::uuid
          AND ${sql.ref(`${R}.owner_id`)} = ANY(${members}::uuid[]) AND ${sql.ref(`${R}.pool_state`)} = 'held' AND NOT (${pool.converted})
        GROUP BY ${sql.ref(`${R}.owner_id`)}`.execute(tx);
      for (const c of counts) held.set(c.owner_id, c.n);
    }
  }

  // The turns, in row order, exactly as chooseAssignee hands them out one record at a time.
  const assignments: Assignment[] = [];
  for (const row of rows) {
    const id = row.id as string;
    for (const rule of matching) {
      if (!rule.meets.has(id)) continue;
      const n = rule.users.length;
      let chosen: string | null = null;
      for (let k = 0; k < n; k++) {
        const userId = rule.users[(rule.turn + k) % n]!;
        if (limit != null && (held.get(userId) ?? 0) >= limit) continue;
        chosen = userId;
        rule.turn = rule.turn + k + 1;
        break;
      }
      if (!chosen) continue;
      held.set(chosen, (held.get(chosen) ?? 0) + 1);
      assignments.push({ id, userId: chosen, departmentId: departmentOf.get(chosen) ?? null, rule, groupId });
      break;
    }
  }
  return { assignments, rules: matching };
}

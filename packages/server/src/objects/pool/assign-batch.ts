import { sql } from 'kysely';
import type { FilterNode } from '@yixiao/core';
import type { Tx } from '../../db/database';
import type { AssignTarget } from '../../db/schema-pools';
import { compileFilter } from '../../records/filter-sql';
import { R } from '../../records/sql-ref';
import { RULE_CONTEXT } from './assign-rules';
import { nameColumn, tally, type AssignedTally, type PoolCtx } from './enter-pool';

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

export interface Assignment {
  id: string;
  userId: string;
  departmentId: string | null;
  rule: LockedRule;
  groupId: string;
}

/**
 * Auto-assignment for records a batch (an import) is about to create straight into their pools,
 * decided before they are written so each is inserted with its owner: an update after the insert
 * would rewrite every index entry of the assigned rows. The outcome is the one afterEnteringPool
 * gives each row in turn: same owners, departments, turns and notices. `rows` are the records as
 * they are about to be stored (by column): the rules' conditions are evaluated on them by the same
 * SQL as on stored rows, sent only the columns the conditions read. Per group: its enabled rules
 * locked once (in position order, as chooseAssignee takes them), one statement for the rows meeting
 * each rule, the targets expanded once, the members' held counts read once under the same advisory
 * locks claims take; then the turns are handed out in memory in row order (first matching rule
 * with an eligible user wins, users at the limit skipped), and the rules' turns are stored. The
 * caller writes the records with the answered owners and records the events (assignmentEvents).
 * A new record carries nothing along (an account's contacts come later), so no carry runs.
 */
export async function assignEntering(tx: Tx, ctx: PoolCtx, rows: Row[], assigned: AssignedTally): Promise<Assignment[]> {
  const entering = rows.filter((r) => r.pool_group_id && r.pool_state === 'pool');
  const assignments: Assignment[] = [];
  const rules: LockedRule[] = [];
  for (const groupId of new Set(entering.map((r) => r.pool_group_id as string))) {
    const inGroup = entering.filter((r) => r.pool_group_id === groupId);
    const done = await assignGroup(tx, ctx, groupId, inGroup);
    assignments.push(...done.assignments);
    rules.push(...done.rules);
  }
  if (!assignments.length) return assignments;
  // Row order across groups, as one-by-one would have visited them.
  const order = new Map(rows.map((r, i) => [r.id as string, i]));
  assignments.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const moved = rules.filter((r) => r.turn !== r.stored);
  if (moved.length) {
    await sql`UPDATE pool_assign_rules AS p SET next_turn = m.turn
      FROM unnest(${moved.map((r) => r.id)}::uuid[], ${moved.map((r) => r.turn)}::bigint[]) AS m(id, turn)
      WHERE p.tenant_id = ${ctx.tenantId}::uuid AND p.id = m.id`.execute(tx);
  }
  const names = new Map(rows.map((r) => [r.id as string, String(r[nameColumn(ctx.object)] ?? '')]));
  for (const a of assignments) tally(assigned, a.userId, { id: a.id, name: names.get(a.id)! });
  return assignments;
}

/** The auto_assign events of a batch's assignments, as afterEnteringPool writes one per record (for an INSERT … SELECT of record_events). */
export const assignmentEvents = (assignments: Assignment[]) => ({
  recordIds: assignments.map((a) => a.id),
  userIds: assignments.map((a) => a.userId),
  groupIds: assignments.map((a) => a.groupId),
  details: assignments.map((a) => JSON.stringify({ ruleId: a.rule.id, ruleName: a.rule.name })),
});

/** The fields a rule's conditions read (conditions may nest and / or / not). */
function conditionFields(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(conditionFields);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as { field?: unknown; and?: unknown; or?: unknown; not?: unknown };
  return typeof n.field === 'string' ? [n.field] : [...conditionFields(n.and), ...conditionFields(n.or), ...conditionFields(n.not)];
}

async function assignGroup(tx: Tx, ctx: PoolCtx, groupId: string, rows: Row[]): Promise<{ assignments: Assignment[]; rules: LockedRule[] }> {
  const { tenantId, pool } = ctx;
  const locked = await tx.selectFrom('pool_assign_rules').select(['id', 'name', 'conditions', 'targets', 'next_turn'])
    .where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('enabled', '=', true)
    .orderBy('position').orderBy('created_at').forUpdate().execute();
  if (!locked.length) return { assignments: [], rules: [] };
  // Every rule's conditions for every row of the group in one statement: m0, m1, … per rule.
  const wheres = locked.map((rule) => compileFilter(ctx.object, { and: rule.conditions } as FilterNode, RULE_CONTEXT(ctx.timeZone)));
  const read = ['id', ...new Set(locked.flatMap((rule) => conditionFields(rule.conditions)).map((key) => ctx.object.field(key)?.column ?? 'custom'))];
  const sent = rows.map((r) => Object.fromEntries(read.map((c) => [c, r[c] ?? null])));
  const { rows: found } = await sql<Record<string, unknown>>`SELECT ${sql.ref(`${R}.id`)} AS id, ${sql.join(wheres.map((w, i) => sql`coalesce(${w}, false) AS ${sql.ref(`m${i}`)}`))}
    FROM jsonb_populate_recordset(NULL::${sql.table(pool.table)}, ${JSON.stringify(sent)}::jsonb) AS ${sql.ref(R)}`.execute(tx);
  const rules: LockedRule[] = locked.map((rule, i) => {
    const turn = Number(rule.next_turn);
    return { id: rule.id, name: rule.name, conditions: rule.conditions, targets: rule.targets, turn, stored: turn, users: [], meets: new Set(found.filter((f) => f[`m${i}`] === true).map((f) => f.id as string)) };
  });
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

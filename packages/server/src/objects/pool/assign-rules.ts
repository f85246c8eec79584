import { sql } from 'kysely';
import { MAX_ASSIGN_CONDITIONS, type AssignRule, type AssignRuleInput, type FilterNode, type PoolObjectKey } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import type { AssignTarget } from '../../db/schema-pools';
import { loadObject, type EngineObject } from '../../metadata/registry';
import { invalid, notFound, versionConflict } from '../../platform/http/errors';
import { compileFilter } from '../../records/filter-sql';
import { R } from '../../records/sql-ref';

/** Rules compare record fields only; "me"-style operators have no meaning for a rule, so no one is "me". */
export const RULE_CONTEXT = (timeZone: string) => ({ userId: '00000000-0000-0000-0000-000000000000', subordinateIds: [], timeZone });

export async function listRules(db: DbOrTx, tenantId: string, groupId: string): Promise<AssignRule[]> {
  const rows = await db.selectFrom('pool_assign_rules').selectAll()
    .where('tenant_id', '=', tenantId).where('group_id', '=', groupId).orderBy('position').orderBy('created_at').execute();
  const ids = rows.flatMap((r) => r.targets.map((t) => t.id));
  const names = new Map<string, string>();
  if (ids.length) {
    for (const u of await db.selectFrom('users').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute()) names.set(u.id, u.name);
    for (const d of await db.selectFrom('departments').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute()) names.set(d.id, d.name);
  }
  return rows.map((r) => ({
    id: r.id, name: r.name, enabled: r.enabled, position: r.position, version: r.version,
    conditions: r.conditions as AssignRule['conditions'], targets: r.targets,
    targetNames: r.targets.map((t) => names.get(t.id) ?? '?'),
  }));
}

/** Checks a rule before it is stored: conditions compile against the object's fields, targets exist. */
async function checkRule(db: DbOrTx, tenantId: string, object: PoolObjectKey, input: AssignRuleInput, timeZone: string) {
  if (input.conditions.length > MAX_ASSIGN_CONDITIONS) throw invalid('records.too_many_conditions', { max: MAX_ASSIGN_CONDITIONS });
  const meta = await loadObject(db, tenantId, object);
  compileFilter(meta, { and: input.conditions } as FilterNode, RULE_CONTEXT(timeZone));
  if (input.targets.length === 0) throw invalid('pool.rule_empty_targets');
  const users = input.targets.filter((t) => t.type === 'user').map((t) => t.id);
  const departments = input.targets.filter((t) => t.type === 'department').map((t) => t.id);
  const found = (users.length ? (await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', 'in', users).where('status', '=', 'active').execute()).length : 0)
    + (departments.length ? (await db.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).where('id', 'in', departments).execute()).length : 0);
  if (found !== new Set(users).size + new Set(departments).size) throw invalid('pool.rule_bad_target');
}

export async function createRule(tx: Tx, tenantId: string, object: PoolObjectKey, groupId: string, input: AssignRuleInput, timeZone: string) {
  await checkRule(tx, tenantId, object, input, timeZone);
  const next = await tx.selectFrom('pool_assign_rules').select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('tenant_id', '=', tenantId).where('group_id', '=', groupId).executeTakeFirstOrThrow();
  const row = await tx.insertInto('pool_assign_rules').values({
    tenant_id: tenantId, group_id: groupId, name: input.name.trim(), enabled: input.enabled, position: next.n,
    conditions: JSON.stringify(input.conditions), targets: JSON.stringify(input.targets),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(tx: Tx, tenantId: string, object: PoolObjectKey, groupId: string, ruleId: string, input: AssignRuleInput, version: number, timeZone: string) {
  await checkRule(tx, tenantId, object, input, timeZone);
  const changed = await tx.updateTable('pool_assign_rules').set({
    name: input.name.trim(), enabled: input.enabled, conditions: JSON.stringify(input.conditions), targets: JSON.stringify(input.targets),
    version: sql`version + 1`,
  }).where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('id', '=', ruleId).where('version', '=', version)
    .returning('id').executeTakeFirst();
  if (!changed) {
    const exists = await tx.selectFrom('pool_assign_rules').select('id').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('id', '=', ruleId).executeTakeFirst();
    throw exists ? versionConflict() : notFound();
  }
}

export async function deleteRule(tx: Tx, tenantId: string, groupId: string, ruleId: string) {
  const gone = await tx.deleteFrom('pool_assign_rules').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('id', '=', ruleId).executeTakeFirst();
  if (!gone.numDeletedRows) throw notFound();
}

export async function reorderRules(tx: Tx, tenantId: string, groupId: string, ids: string[]) {
  const rows = await tx.selectFrom('pool_assign_rules').select('id').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).forUpdate().execute();
  if (rows.length !== ids.length || new Set(ids).size !== ids.length || !rows.every((r) => ids.includes(r.id))) throw invalid('pool.rule_order');
  for (const [index, id] of ids.entries()) {
    await tx.updateTable('pool_assign_rules').set({ position: index + 1 }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }
}

/** The users a rule hands records to, in the configured order: users as given, a department's active users by name. */
async function expandTargets(tx: Tx, tenantId: string, targets: AssignTarget[]): Promise<string[]> {
  const out: string[] = [];
  for (const target of targets) {
    const users = target.type === 'user'
      ? await tx.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', '=', target.id).where('status', '=', 'active').execute()
      : await tx.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('department_id', '=', target.id).where('status', '=', 'active').orderBy('name').orderBy('id').execute();
    for (const u of users) if (!out.includes(u.id)) out.push(u.id);
  }
  return out;
}

export interface RuleChoice {
  ruleId: string;
  ruleName: string;
  userId: string;
}

/**
 * 自动分配 (§3.2.8): the first enabled rule of the record's group whose conditions the record meets
 * picks the next user in turn. The rule row is locked while its turn advances, so records arriving
 * at the same moment take consecutive turns and no member gets two before another gets one.
 * `eligible` says whether a user may take one more (the group's limit); ineligible users are skipped.
 */
export async function chooseAssignee(
  tx: Tx, object: EngineObject, table: string, tenantId: string, groupId: string, recordId: string, timeZone: string,
  eligible: (userId: string) => Promise<boolean>,
): Promise<RuleChoice | null> {
  const rules = await tx.selectFrom('pool_assign_rules').select(['id', 'name', 'conditions'])
    .where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('enabled', '=', true)
    .orderBy('position').orderBy('created_at').execute();
  for (const rule of rules) {
    const where = compileFilter(object, { and: rule.conditions } as FilterNode, RULE_CONTEXT(timeZone));
    const { rows } = await sql`SELECT 1 FROM ${sql.table(table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${recordId}::uuid AND ${where}`.execute(tx);
    if (rows.length === 0) continue;
    const locked = await tx.selectFrom('pool_assign_rules').select(['next_turn', 'targets'])
      .where('tenant_id', '=', tenantId).where('id', '=', rule.id).forUpdate().executeTakeFirst();
    if (!locked) continue;
    const users = await expandTargets(tx, tenantId, locked.targets);
    const turn = Number(locked.next_turn);
    for (let k = 0; k < users.length; k++) {
      const userId = users[(turn + k) % users.length]!;
      if (!(await eligible(userId))) continue;
      await tx.updateTable('pool_assign_rules').set({ next_turn: turn + k + 1 }).where('tenant_id', '=', tenantId).where('id', '=', rule.id).execute();
      return { ruleId: rule.id, ruleName: rule.name, userId };
    }
  }
  return null;
}

import { sql, type RawBuilder } from 'kysely';
import type { DuplicateItem, DuplicateResult } from '@yixiao/core';
import type { Tx } from '../db/database';
import type { EngineObject } from '../metadata/registry';
import type { RecordScope } from '../records/scope';
import { fieldRef, R } from '../records/sql-ref';
import { canRead } from '../records/visibility';
import { anyMatched, candidates, keyFunction, keyOf, useThresholds, type BoundRule } from './match-sql';
import type { DedupeRules } from './rules';

export type { DuplicateItem, DuplicateResult };

/** Counting hidden matches stops here: "100+" says enough. */
export const HIDDEN_CAP = 100;

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/**
 * The records that may duplicate the given field values (a create form's input, or a stored
 * record's own values), ranked by similarity: those the caller may see in full, the others counted.
 * Runs inside the caller's transaction, which carries the trigram thresholds.
 */
export async function findDuplicates(tx: Tx, scope: RecordScope, rules: DedupeRules, values: Record<string, unknown>, options: { excludeId?: string; limit: number }): Promise<DuplicateResult> {
  const { object } = scope;
  const fields = rules.fields.map((rule) => ({ key: rule.field, label: object.field(rule.field)!.label, match: rule.match }));
  const empty: DuplicateResult = { fields, items: [], hidden: { count: 0, capped: false, byField: {} } };
  const given = rules.enabled ? rules.fields.filter((rule) => textOf(values[rule.field]) !== '') : [];
  if (!given.length) return empty;

  // Keys come from the same SQL functions the indexes use, so input and stored values agree exactly.
  const keyRow = (await sql<Record<string, string | null>>`SELECT ${sql.join(given.map((rule, i) =>
    sql`${keyOf(keyFunction(object.field(rule.field)!, rule), sql`${textOf(values[rule.field])}`)} AS ${sql.ref(`k${i}`)}`))}`.execute(tx)).rows[0]!;
  const bound: BoundRule[] = given.flatMap((rule, i) => {
    const key = keyRow[`k${i}`];
    return key ? [{ rule, field: object.field(rule.field)!, key: sql`${key}::text`, shortKey: [...key].length < 2 }] : [];
  });
  if (!bound.length) return empty;
  await useThresholds(tx, bound.map((b) => b.rule));

  const matches = candidates(object, scope.auth.tenantId, bound, options.excludeId ? sql`${options.excludeId}::uuid` : null);
  const visible = canRead(object, scope.viewer);
  const { rows } = await sql<Record<string, unknown>>`SELECT ${shownColumns(object, bound)}
    FROM (${matches}) AS ${sql.ref(R)}
    WHERE ${anyMatched(bound)} AND ${visible}
    ORDER BY ${sql.ref(`${R}.dd_score`)} DESC, ${sql.ref(`${R}.created_at`)} DESC, ${sql.ref(`${R}.id`)}
    LIMIT ${options.limit}`.execute(tx);
  const hidden = (await sql<Record<string, number>>`SELECT count(*)::int AS n, ${sql.join(bound.map((_, i) => sql`count(*) FILTER (WHERE ${sql.ref(`dd_m${i}`)})::int AS ${sql.ref(`m${i}`)}`))}
    FROM (SELECT ${sql.join(bound.map((_, i) => sql.ref(`${R}.dd_m${i}`)))} FROM (${matches}) AS ${sql.ref(R)}
      WHERE ${anyMatched(bound)} AND NOT ${visible} LIMIT ${HIDDEN_CAP + 1}) AS h`.execute(tx)).rows[0]!;

  const byField: Record<string, number> = {};
  bound.forEach((b, i) => { if (hidden[`m${i}`]) byField[b.rule.field] = hidden[`m${i}`]!; });
  return {
    fields,
    items: rows.map((row) => toItem(object, bound, row)),
    hidden: { count: Math.min(hidden.n!, HIDDEN_CAP), capped: hidden.n! > HIDDEN_CAP, byField },
  };
}

/** What the 查重 table shows of each match (§3.2.7): name, compared fields, created, owner, status. */
function shownColumns(object: EngineObject, bound: BoundRule[]): RawBuilder<unknown> {
  const ref = (column: string) => sql.ref(`${R}.${column}`);
  const name = object.field(object.nameField)!;
  const status = object.field('status');
  const columns: RawBuilder<unknown>[] = [
    sql`${ref('id')}`, sql`${ref('created_at')}`, sql`${ref('dd_score')}`,
    sql`${fieldRef(name)}::text AS dd_name`,
    sql`${status ? sql`${fieldRef(status)}::text` : sql`NULL::text`} AS dd_status`,
    ...bound.map((b, i) => sql`${fieldRef(b.field)}::text AS ${sql.ref(`dd_v${i}`)}`),
    ...bound.map((_, i) => ref(`dd_m${i}`)),
  ];
  if (object.owned) {
    columns.push(ref('owner_id'), sql`(SELECT u.name FROM users u WHERE u.tenant_id = ${ref('tenant_id')} AND u.id = ${ref('owner_id')}) AS dd_owner_name`);
  }
  return sql.join(columns);
}

function toItem(object: EngineObject, bound: BoundRule[], row: Record<string, unknown>): DuplicateItem {
  const values: Record<string, string | null> = { [object.nameField]: (row.dd_name as string | null) ?? null };
  bound.forEach((b, i) => { values[b.field.key] = (row[`dd_v${i}`] as string | null) ?? null; });
  return {
    id: row.id as string,
    name: (row.dd_name as string | null) ?? null,
    values,
    createdAt: (row.created_at as Date).toISOString(),
    ownerId: (row.owner_id as string | null | undefined) ?? null,
    ownerName: (row.dd_owner_name as string | null | undefined) ?? null,
    status: (row.dd_status as string | null) ?? null,
    score: Math.round(Number(row.dd_score) * 100) / 100,
    matchedOn: bound.filter((_, i) => row[`dd_m${i}`] === true).map((b) => b.field.key),
  };
}

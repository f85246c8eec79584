import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../db/database';
import type { EngineField, EngineObject } from '../metadata/registry';
import { fieldRef, R } from '../records/sql-ref';
import type { RuleField } from './rules';

/**
 * The SQL of matching: each rule field compares a key of the stored value with the same key of
 * the value looked for. The key functions live in 0012_dedupe_search.sql; the stored side is
 * written exactly like the expression indexes there, so the planner answers from the index.
 */
export function keyFunction(field: EngineField, rule: RuleField): string {
  if (rule.match === 'fuzzy') return 'company_name_key';
  return field.type === 'phone' ? 'dedupe_phone_key' : field.type === 'email' ? 'dedupe_email_key' : 'dedupe_text_key';
}

/** The key of a value (a parameter, or a column of another row) as SQL. */
export const keyOf = (fn: string, value: RawBuilder<unknown>) => sql<string | null>`${sql.raw(fn)}(${value}::text)`;

/** Company keys kept in generated columns (0012_dedupe_search.sql), by table and column. */
const STORED_KEYS: Record<string, Record<string, string>> = { leads: { company_name: 'company_key' }, accounts: { name: 'name_key' } };

/** A record's key for a rule: its stored column where there is one, else the key function over the field. */
export function storedKey(object: EngineObject, field: EngineField, rule: RuleField): RawBuilder<unknown> {
  const stored = rule.match === 'fuzzy' && field.column ? STORED_KEYS[object.table]?.[field.column] : undefined;
  return stored ? sql.ref(`${R}.${stored}`) : keyOf(keyFunction(field, rule), fieldRef(field));
}

export interface BoundRule {
  rule: RuleField;
  field: EngineField;
  /** The key looked for: a parameter, or an outer column in the marks' lateral join. */
  key: RawBuilder<unknown>;
  /** Known to be one character: only equality can match it, so the trigram arms are left out. */
  shortKey?: boolean;
}

/**
 * How much of one name is found in the other, whichever way round. Word similarity is never below
 * plain similarity (it compares with the best-matching stretch, the whole name being one), so
 * names that are merely similar score at least their similarity too.
 */
const score = (stored: RawBuilder<unknown>, key: RawBuilder<unknown>) =>
  sql<number>`greatest(word_similarity(${key}, ${stored}), word_similarity(${stored}, ${key}))`;

/**
 * Every record of the object whose rule fields match, with `dd_m<i>` (field i matched) and
 * `dd_score` (1 for an exact match, the trigram similarity for a fuzzy one) beside its columns,
 * aliased so that visibility predicates (which name `r`) compose on top.
 *
 * The WHERE is a flat OR of index-answerable comparisons: `<%` finds stored names similar to the
 * key or containing it (仁科互动 in 仁科互动营销), equality with one of the key's parts a shorter
 * stored name within the typed one (仁科互动 in 仁科互动营销顾问). (`%`, plain similarity, would
 * find nothing more: see score.) The trigram threshold is set for the transaction by
 * useThresholds(); each rule's own is applied outside, on the few candidates.
 */
export function candidates(object: EngineObject, tenantId: string, bound: BoundRule[], excludeId: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const arms: RawBuilder<SqlBool>[] = [];
  const flags: RawBuilder<unknown>[] = [];
  const scores: RawBuilder<unknown>[] = [];
  bound.forEach(({ rule, field, key, shortKey }, i) => {
    const stored = storedKey(object, field, rule);
    if (rule.match === 'fuzzy') {
      // A one-character key only matches itself: its trigrams would match half the company.
      if (!shortKey) arms.push(sql<SqlBool>`${key} <% ${stored}`);
      arms.push(sql<SqlBool>`${stored} = ANY(company_key_parts(${key}))`);
      const matched = sql`(${stored} = ${key} OR (char_length(${key}) >= 2 AND ${score(stored, key)} >= ${rule.threshold ?? 0}))`;
      flags.push(sql`${matched} AS ${sql.ref(`dd_m${i}`)}`);
      scores.push(sql`CASE WHEN ${stored} = ${key} THEN 1 WHEN ${matched} THEN ${score(stored, key)} ELSE 0 END`);
    } else {
      arms.push(sql<SqlBool>`${stored} = ${key}`);
      flags.push(sql`coalesce(${stored} = ${key}, false) AS ${sql.ref(`dd_m${i}`)}`);
      scores.push(sql`CASE WHEN ${stored} = ${key} THEN 1 ELSE 0 END`);
    }
  });
  const exclude = excludeId ? sql`AND ${sql.ref(`${R}.id`)} <> ${excludeId}` : sql``;
  return sql`SELECT ${sql.ref(R)}.*, ${sql.join(flags)}, greatest(${sql.join(scores)})::float8 AS dd_score
    FROM ${sql.table(object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid ${exclude}
      AND (${sql.join(arms, sql` OR `)})`;
}

/** Only candidates that pass their rule's own threshold. */
export const anyMatched = (bound: BoundRule[]) => sql<SqlBool>`(${sql.join(bound.map((_, i) => sql.ref(`${R}.dd_m${i}`)), sql` OR `)})`;

/**
 * pg_trgm's `<%` reads its threshold from a setting; set it for this transaction to the lowest
 * fuzzy threshold among the rules (each rule's own is re-checked on the candidates).
 */
export async function useThresholds(tx: Tx, rules: RuleField[]): Promise<void> {
  const fuzzy = rules.filter((r) => r.match === 'fuzzy').map((r) => r.threshold ?? 0);
  if (!fuzzy.length) return;
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(Math.min(...fuzzy))}, true)`.execute(tx);
}

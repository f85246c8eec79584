import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { keyFunction, keyOf, storedKey } from '../../dedupe/match-sql';
import type { DedupeRules } from '../../dedupe/rules';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canWrite } from '../../records/visibility';

/** An existing record a row duplicates. */
export interface DuplicateMatch {
  id: string;
  version: number;
  name: string | null;
  /** How many rule fields matched: the record matching on more fields is the better candidate. */
  fields: number;
  /** Whether the importer may edit it (an overwrite of a record they may not edit fails). */
  writable: boolean;
}

export interface BatchMatches {
  /** By row ordinal: the records each row duplicates. */
  matches: Map<number, DuplicateMatch[]>;
  /** By row ordinal: the row's key per rule field (null when the cell gives none), to find rows duplicating each other. */
  keys: Map<number, (string | null)[]>;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/**
 * The records each row of a batch duplicates under the object's 查重规则, for the whole batch in
 * two statements: one computes the rows' keys with the same SQL functions the indexes use, one joins
 * them to the table once per rule field (each an index lookup). An import has to decide, not
 * suggest: a fuzzy (company-name) rule matches records whose company key is equal, not merely similar.
 */
export async function matchDuplicates(tx: Tx, scope: RecordScope, rules: DedupeRules, rows: { ord: number; values: Record<string, unknown> }[]): Promise<BatchMatches> {
  const { object } = scope;
  const tenantId = scope.auth.tenantId;
  const result: BatchMatches = { matches: new Map(), keys: new Map() };
  const ruleFields = rules.enabled ? rules.fields.filter((r) => object.field(r.field)) : [];
  if (!ruleFields.length || !rows.length) return result;

  const ords = rows.map((r) => r.ord);
  const inputs = ruleFields.map((rule) => rows.map((r) => textOf(r.values[rule.field]) || null));
  const keyRows = (await sql<{ ord: number; keys: (string | null)[] }>`
    SELECT t.ord, ARRAY[${sql.join(ruleFields.map((rule, i) => keyOf(keyFunction(object.field(rule.field)!, rule), sql.ref(`t.v${i}`))))}]::text[] AS keys
    FROM unnest(${ords}::int[], ${sql.join(inputs.map((values) => sql`${values}::text[]`))}) AS t(ord, ${sql.join(ruleFields.map((_, i) => sql.ref(`v${i}`)))})`
    .execute(tx)).rows;
  for (const row of keyRows) result.keys.set(row.ord, row.keys);

  const keyArrays = ruleFields.map((_, i) => keyRows.map((r) => r.keys[i] ?? null));
  const keyOrds = keyRows.map((r) => r.ord);
  // One index probe per key: a plain join lets the planner hash the whole company's keys instead,
  // computing the key function for every record (a seq scan) on every batch. OFFSET 0 keeps the
  // lateral subquery from being flattened back into such a join.
  const hits = ruleFields.map((rule, i) => sql`
    SELECT k.ord, m.id FROM unnest(${keyOrds}::int[], ${keyArrays[i]}::text[]) AS k(ord, key)
    CROSS JOIN LATERAL (SELECT ${sql.ref(`${R}.id`)} AS id FROM ${sql.table(object.table)} AS ${sql.ref(R)}
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${storedKey(object, object.field(rule.field)!, rule)} = k.key OFFSET 0) AS m
    WHERE k.key IS NOT NULL`);
  const nameColumn = object.field(object.nameField)?.column ?? 'id';
  const { rows: found } = await sql<{ ord: number; id: string; version: number; name: string | null; fields: number; writable: boolean }>`
    SELECT h.ord, ${sql.ref(`${R}.id`)} AS id, ${sql.ref(`${R}.version`)} AS version, ${sql.ref(`${R}.${nameColumn}`)}::text AS name,
      count(*)::int AS fields, ${canWrite(object, scope.viewer)} AS writable
    FROM (${sql.join(hits, sql` UNION ALL `)}) AS h
    JOIN ${sql.table(object.table)} AS ${sql.ref(R)} ON ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.id`)} = h.id
    GROUP BY h.ord, ${sql.ref(`${R}.tenant_id`)}, ${sql.ref(`${R}.id`)}
    ORDER BY h.ord, count(*) DESC, ${sql.ref(`${R}.created_at`)}, ${sql.ref(`${R}.id`)}`.execute(tx);
  for (const f of found) {
    const list = result.matches.get(f.ord) ?? [];
    list.push({ id: f.id, version: f.version, name: f.name, fields: f.fields, writable: f.writable });
    result.matches.set(f.ord, list);
  }
  return result;
}

import { sql } from 'kysely';
import type { Tx } from '../db/database';
import type { RecordScope } from '../records/scope';
import { R } from '../records/sql-ref';
import { canRead } from '../records/visibility';
import { anyMatched, candidates, storedKey, useThresholds, type BoundRule } from './match-sql';
import type { DedupeRules } from './rules';
import type { DuplicateMark } from '@yixiao/core';

export type { DuplicateMark };

/** Counting stops here: the list only needs "!" and the popover shows the rest. */
export const MARK_CAP = 5;

/**
 * The "!" of a list page (§3.2.7): which of the given records — those the caller may see — have
 * likely duplicates. One statement for the page: each record's keys drive an index lookup for
 * its candidates in a lateral join, so a page of 50 costs 50 index probes, never a scan.
 */
export async function duplicateMarks(tx: Tx, scope: RecordScope, rules: DedupeRules, ids: string[]): Promise<DuplicateMark[]> {
  const { object, viewer } = scope;
  if (!rules.enabled || !rules.fields.length || !ids.length) return [];
  const bound: BoundRule[] = rules.fields.map((rule, i) => ({ rule, field: object.field(rule.field)!, key: sql.ref(`s.k${i}`) }));
  await useThresholds(tx, rules.fields);
  // OFFSET 0 keeps the page's keys computed once per record, not again inside every lookup.
  const page = sql`SELECT ${sql.ref(`${R}.id`)}, ${sql.join(bound.map((b, i) => sql`${storedKey(object, b.field, b.rule)} AS ${sql.ref(`k${i}`)}`))}
    FROM ${sql.table(object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${ids}::uuid[]) AND ${canRead(object, viewer)}
    OFFSET 0`;
  const { rows } = await sql<DuplicateMark>`SELECT s.id, count(*) FILTER (WHERE c.visible)::int AS visible, count(*) FILTER (WHERE NOT c.visible)::int AS hidden
    FROM (${page}) AS s
    CROSS JOIN LATERAL (
      SELECT ${canRead(object, viewer)} AS visible FROM (${candidates(object, scope.auth.tenantId, bound, sql.ref('s.id'))}) AS ${sql.ref(R)}
      WHERE ${anyMatched(bound)} LIMIT ${MARK_CAP}
    ) AS c
    GROUP BY s.id`.execute(tx);
  return rows;
}

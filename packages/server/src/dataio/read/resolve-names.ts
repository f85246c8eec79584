import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { loadObject, type EngineField, type EngineObject } from '../../metadata/registry';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canRead } from '../../records/visibility';
import type { SheetRow } from '../sheet.types';
import type { PlannedColumn } from './columns';

export type NameMatch = { id: string } | { problem: 'unknown_user' | 'ambiguous_user' | 'unknown_department' | 'ambiguous_department' | 'unknown_record' | 'ambiguous_record' };

/** Answers the id a name stands for in a column, from what was fetched for the batch. */
export type NameLookup = (field: EngineField, name: string) => NameMatch;

/** The objects lookups point to, loaded once per import rather than once per batch. */
export class TargetObjects {
  private readonly loaded = new Map<string, Promise<EngineObject>>();
  constructor(private readonly db: DbOrTx, private readonly tenantId: string) {}
  get(key: string): Promise<EngineObject> {
    let object = this.loaded.get(key);
    if (!object) this.loaded.set(key, (object = loadObject(this.db, this.tenantId, key)));
    return object;
  }
}

const NAMED = new Set<EngineField['type']>(['user', 'department', 'lookup']);
export const isNamed = (field: EngineField) => NAMED.has(field.type);

interface Candidate {
  id: string;
  /** The primary name (a user's name, a department's name, a record's name field). */
  name: string;
  /** A second key taken only when no name matches (a user's sign-in name, a department's code). */
  alt: string | null;
}

/**
 * One match from candidates: by name first (two with that name is ambiguous, never a guess), then
 * by the second key (a sign-in name tells two 张伟 apart).
 */
function pick(candidates: Candidate[], name: string, unknown: NameMatch, ambiguous: NameMatch): NameMatch {
  const byName = candidates.filter((c) => c.name === name);
  if (byName.length === 1) return { id: byName[0]!.id };
  if (byName.length > 1) return ambiguous;
  const byAlt = candidates.filter((c) => c.alt === name);
  return byAlt.length === 1 ? { id: byAlt[0]!.id } : byAlt.length > 1 ? ambiguous : unknown;
}

/**
 * Fetches what the batch's names point to with one query per kind (users, departments, and each
 * lookup target object), never one per row. Record lookups go through the visibility predicate:
 * a file cannot link to (and so learn of) a record its importer may not see.
 */
export async function resolveNames(db: DbOrTx, scope: RecordScope, columns: PlannedColumn[], rows: SheetRow[], targets: TargetObjects): Promise<NameLookup> {
  const tenantId = scope.auth.tenantId;
  const namesOf = (cols: PlannedColumn[]) => [...new Set(rows.flatMap((r) => cols.map((c) => (r.cells[c.index] ?? '').trim())).filter(Boolean))];
  const named = columns.filter((c) => isNamed(c.field));
  const users = namesOf(named.filter((c) => c.field.type === 'user'));
  const departments = namesOf(named.filter((c) => c.field.type === 'department'));
  const lookups = [...new Set(named.filter((c) => c.field.type === 'lookup' && c.field.lookup).map((c) => c.field.lookup!))];

  const [userRows, deptRows, ...lookupRows] = await Promise.all([
    users.length === 0 ? [] : db.selectFrom('users').select(['id', 'name', 'login as alt'])
      .where('tenant_id', '=', tenantId).where('status', '=', 'active')
      .where((eb) => eb.or([eb('name', 'in', users), eb('login', 'in', users)])).execute(),
    departments.length === 0 ? [] : db.selectFrom('departments').select(['id', 'name', 'code as alt'])
      .where('tenant_id', '=', tenantId).where((eb) => eb.or([eb('name', 'in', departments), eb('code', 'in', departments)])).execute(),
    ...lookups.map(async (key) => {
      const names = namesOf(named.filter((c) => c.field.lookup === key));
      if (names.length === 0) return [] as Candidate[];
      const target = await targets.get(key);
      const nameRef = sql.ref(`${R}.${target.field(target.nameField)!.column!}`);
      const { rows: found } = await sql<Candidate>`SELECT ${sql.ref(`${R}.id`)} AS id, ${nameRef} AS name, NULL AS alt
        FROM ${sql.table(target.table)} AS ${sql.ref(R)}
        WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${nameRef} = ANY(${names}::text[]) AND ${canRead(target, scope.viewer)}`.execute(db);
      return found;
    }),
  ]);
  const byTarget = new Map(lookups.map((key, i) => [key, lookupRows[i]!]));
  return (field, name) => {
    if (field.type === 'user') return pick(userRows, name, { problem: 'unknown_user' }, { problem: 'ambiguous_user' });
    if (field.type === 'department') return pick(deptRows, name, { problem: 'unknown_department' }, { problem: 'ambiguous_department' });
    return pick(byTarget.get(field.lookup ?? '') ?? [], name, { problem: 'unknown_record' }, { problem: 'ambiguous_record' });
  };
}

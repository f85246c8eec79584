import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { standardObject } from '../metadata/objects';
import { remember } from '../platform/config/config-cache';
import type { RecordScope } from './scope';

/**
 * Names for the ids a page of records points to (owners, departments, lookups), fetched with one
 * query per target rather than one per record, and attached as `display: { fieldKey: name }`.
 */
export async function attachDisplayNames(db: DbOrTx, scope: RecordScope, records: Record<string, unknown>[]): Promise<void> {
  const wanted = new Map<string, Set<string>>(); // target ('user', 'department', object key) → ids
  const refFields = scope.object.fields.filter((f) => f.type === 'user' || f.type === 'department' || (f.type === 'lookup' && f.lookup));
  for (const record of records) {
    for (const f of refFields) {
      const id = record[f.key];
      if (typeof id !== 'string') continue;
      const target = f.type === 'lookup' ? f.lookup! : f.type;
      if (!wanted.has(target)) wanted.set(target, new Set());
      wanted.get(target)!.add(id);
    }
  }
  const names = new Map<string, string>();
  const tenantId = scope.auth.tenantId;
  await Promise.all([...wanted].map(async ([target, ids]) => {
    const list = [...ids];
    let rows: { id: string; name: string }[];
    if (target === 'user' || target === 'department') {
      rows = await peopleNames(db, scope, target, list);
    } else {
      const object = standardObject(target);
      if (!object) return;
      const nameColumn = object.fields.find((f) => f.key === object.nameField)!.column;
      rows = (await sql<{ id: string; name: string }>`SELECT id, ${sql.ref(nameColumn)}::text AS name FROM ${sql.table(object.table)}
        WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${list}::uuid[])`.execute(db)).rows;
    }
    for (const row of rows) names.set(`${target}:${row.id}`, row.name);
  }));
  for (const record of records) {
    const display: Record<string, string> = {};
    for (const f of refFields) {
      const id = record[f.key];
      if (typeof id !== 'string') continue;
      const name = names.get(`${f.type === 'lookup' ? f.lookup : f.type}:${id}`);
      if (name !== undefined) display[f.key] = name;
    }
    record.display = display;
  }
}

/**
 * Names of users or departments: from the company's directory kept in memory for the current
 * configuration version (renames move it), or, where no version is known, with a query.
 */
async function peopleNames(db: DbOrTx, scope: RecordScope, target: 'user' | 'department', ids: string[]) {
  const table = target === 'user' ? 'users' : 'departments';
  const tenantId = scope.auth.tenantId;
  const query = (only?: string[]) => {
    const q = db.selectFrom(table).select(['id', 'name']).where('tenant_id', '=', tenantId);
    return (only ? q.where('id', 'in', only) : q).execute();
  };
  if (scope.auth.configVersion === undefined || db.isTransaction) return query(ids);
  const directory = await remember(db, scope.auth.configVersion, `names:${table}`, async () => new Map((await query()).map((r) => [r.id, r.name])));
  return ids.flatMap((id) => (directory.has(id) ? [{ id, name: directory.get(id)! }] : []));
}

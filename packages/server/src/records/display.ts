import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { standardObject } from '../metadata/objects';
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
      rows = await db.selectFrom(target === 'user' ? 'users' : 'departments').select(['id', 'name'])
        .where('tenant_id', '=', tenantId).where('id', 'in', list).execute();
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

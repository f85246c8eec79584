import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { STANDARD_OBJECTS } from '../../metadata/objects';
import { loadObject, type EngineField, type EngineObject } from '../../metadata/registry';

/**
 * Records of another object that point at an account through lookup fields: its contacts,
 * opportunities, contracts and orders, the leads converted into it, and whatever custom lookups a
 * company adds. Read from metadata, so an object or custom field added later is covered too.
 */
export interface AccountRelation {
  object: EngineObject;
  fields: EngineField[];
}

export async function accountRelations(db: DbOrTx, tenantId: string): Promise<AccountRelation[]> {
  const objects = await Promise.all(STANDARD_OBJECTS.map((o) => loadObject(db, tenantId, o.key)));
  return objects.flatMap((object) => {
    const fields = object.fields.filter((f) => f.type === 'lookup' && f.lookup === 'account');
    return fields.length ? [{ object, fields }] : [];
  });
}

/**
 * 相关业务 a transfer may carry along (§3.5.8): owned records whose own account field points at the
 * account. 转换的客户 of a converted lead is a read-only link, not the lead's account, so leads stay.
 * A relation whose fields are all retired is "disabled": the batch dialog still shows it, the single one does not.
 */
export async function transferRelations(db: DbOrTx, tenantId: string) {
  return (await accountRelations(db, tenantId)).flatMap(({ object, fields }) => {
    const writable = fields.filter((f) => !f.readOnly);
    return object.owned && writable.length ? [{ object, fields: writable, disabled: writable.every((f) => f.retired) }] : [];
  });
}

/** The row (unaliased) has one of the relation's fields pointing at one of the accounts. */
export function pointsAt(fields: EngineField[], accountIds: string[]): RawBuilder<SqlBool> {
  const each = fields.map((f) => (f.column
    ? sql<SqlBool>`${sql.ref(f.column)} = ANY(${accountIds}::uuid[])`
    : sql<SqlBool>`custom ->> ${sql.lit(f.key)} = ANY(${accountIds}::text[])`));
  return sql<SqlBool>`(${sql.join(each, sql` OR `)})`;
}

/** SET clauses pointing the relation's fields that held one of `from` at `to` (custom ones in one assignment). */
export function repoint(fields: EngineField[], from: string[], to: string): RawBuilder<unknown>[] {
  const sets = fields.filter((f) => f.column).map((f) =>
    sql`${sql.ref(f.column!)} = CASE WHEN ${sql.ref(f.column!)} = ANY(${from}::uuid[]) THEN ${to}::uuid ELSE ${sql.ref(f.column!)} END`);
  let custom: RawBuilder<unknown> = sql`custom`;
  for (const f of fields.filter((x) => !x.column)) {
    custom = sql`CASE WHEN custom ->> ${sql.lit(f.key)} = ANY(${from}::text[]) THEN jsonb_set(${custom}, ${`{${f.key}}`}::text[], to_jsonb(${to}::text)) ELSE ${custom} END`;
  }
  return fields.some((f) => !f.column) ? [...sets, sql`custom = ${custom}`] : sets;
}

import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { EngineField } from '../metadata/registry';
import { invalid } from '../platform/http/errors';
import { hooksOf, type CreateOptions } from './hooks';
import { assertReferences, translateDbError } from './references';
import { findRow } from './read';
import type { RecordScope } from './scope';
import { searchText } from './search-text';
import { rowToRecord, validateWrite } from './values';
import { auditRecord, columnValue, nextAutonumber } from './write-helpers';

/**
 * Creates a record in the caller's transaction: validated against the company's metadata, owner
 * defaulting to the creator and department to the owner's, auto-numbers drawn, operation log written.
 */
export async function insertRecord(tx: Tx, scope: RecordScope, input: Record<string, unknown>, options: CreateOptions = {}): Promise<Record<string, unknown>> {
  const { object, auth } = scope;
  input = { ...input };
  for (const h of hooksOf(object.key)) await h.prepareCreate?.(tx, scope, input, options);
  // Defaults first, so "required" is judged on what will be stored: the owner is the creator
  // unless another is chosen, picklists start at their first stage, the department is the owner's.
  const withDefaults: Record<string, unknown> = {};
  for (const field of object.fields) if (field.defaultValue !== undefined && !field.readOnly) withDefaults[field.key] = field.defaultValue;
  if (object.owned && !options.inPool) withDefaults.ownerId = auth.userId;
  for (const [key, value] of Object.entries(input)) if (value !== null && value !== undefined && value !== '') withDefaults[key] = value;
  // A record made in a pool has no owner: 所有人 is neither defaulted nor required (nor accepted).
  if (options.inPool && 'ownerId' in withDefaults) throw invalid('records.unknown_field', { field: 'ownerId' });
  const values = validateWrite(object, withDefaults, { create: true, unowned: options.inPool });
  const ownerField = object.field('ownerId');
  if (object.owned && ownerField) {
    const deptField = object.field('departmentId')!;
    if (values.get(deptField) == null && values.get(ownerField) != null) {
      const owner = await tx.selectFrom('users').select('department_id').where('tenant_id', '=', auth.tenantId).where('id', '=', values.get(ownerField) as string).executeTakeFirst();
      values.set(deptField, owner?.department_id ?? null);
    }
  }
  await assertReferences(tx, scope, values);
  for (const field of object.fields) {
    if (field.type === 'autonumber' && !field.retired) values.set(field, await nextAutonumber(tx, auth.tenantId, object.key, field));
  }

  const apiValues = Object.fromEntries([...values].map(([f, v]) => [f.key, v]));
  const columns: string[] = [];
  const params = [];
  const custom: Record<string, unknown> = {};
  for (const [field, value] of values) {
    if (field.column) {
      columns.push(field.column);
      params.push(columnValue(field, value));
    } else if (value !== null) {
      custom[field.key] = value;
    }
  }
  columns.push('tenant_id', 'custom', 'search_text', 'created_by', 'updated_by');
  params.push(sql`${auth.tenantId}::uuid`, sql`${JSON.stringify(custom)}::jsonb`, sql`${searchText(object, apiValues)}`, sql`${auth.userId}::uuid`, sql`${auth.userId}::uuid`);

  let row = await sql<Record<string, unknown>>`INSERT INTO ${sql.table(object.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    VALUES (${sql.join(params)}) RETURNING *`.execute(tx).then((r) => r.rows[0]!, (e) => translateDbError(e, scope));
  for (const h of hooksOf(object.key)) row = (await h.afterCreate?.(tx, scope, row, options)) ?? row;
  await auditRecord(tx, scope, row.id as string, 'create',
    [...values].filter(([, v]) => v !== null).map(([f, v]: [EngineField, unknown]) => ({ field: f.key, old: null, new: v })));
  return rowToRecord(object, row);
}

/**
 * The create action: one transaction; with an Idempotency-Key a repeated request answers the
 * record the first one made instead of making another.
 */
export async function createRecord(db: Db, scope: RecordScope, input: Record<string, unknown>, idempotencyKey?: string) {
  return db.transaction().execute(async (tx) => {
    if (idempotencyKey) {
      // Taking the key first makes a concurrent twin wait here, then find the finished record.
      const claimed = await tx.insertInto('idempotency_keys')
        .values({ tenant_id: scope.auth.tenantId, user_id: scope.auth.userId, key: idempotencyKey, object: scope.object.key, record_id: '00000000-0000-0000-0000-000000000000' })
        .onConflict((oc) => oc.doNothing()).returning('key').executeTakeFirst();
      if (!claimed) {
        const prior = await tx.selectFrom('idempotency_keys').select(['record_id', 'object'])
          .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId).where('key', '=', idempotencyKey).executeTakeFirstOrThrow();
        return { record: rowToRecord(scope.object, await findRow(tx, scope, prior.record_id)), replayed: true };
      }
    }
    const record = await insertRecord(tx, scope, input);
    if (idempotencyKey) {
      await tx.updateTable('idempotency_keys').set({ record_id: record.id as string })
        .where('tenant_id', '=', scope.auth.tenantId).where('user_id', '=', scope.auth.userId).where('key', '=', idempotencyKey).execute();
    }
    return { record, replayed: false };
  });
}

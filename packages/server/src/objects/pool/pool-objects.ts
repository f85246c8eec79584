import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PoolObjectKey } from '@yixiao/core';
import { POOL_OBJECTS } from '@yixiao/core';
import type { Tx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import { invalid } from '../../platform/http/errors';
import { R } from '../../records/sql-ref';

/** What differs between the two pool objects; everything else in this folder is one engine. */
export interface PoolObject {
  key: PoolObjectKey;
  table: 'leads' | 'accounts';
  /**
   * A record that reached its goal: a lead converted, an account with a won opportunity. Such
   * records no longer count towards a member's limit and the 未转换 rule leaves them alone.
   */
  converted: RawBuilder<SqlBool>;
  /** What goes along when a user takes a record from the pool (claim, assign, auto-assign). */
  carry?(tx: Tx, tenantId: string, recordId: string, userId: string, departmentId: string | null, actorId: string | null): Promise<void>;
}

/**
 * An account's contacts go with it to whoever takes it from the pool: the account is worth little
 * to its new holder without the people to call. Each contact's operation log says so.
 */
async function carryContacts(tx: Tx, tenantId: string, accountId: string, userId: string, departmentId: string | null, actorId: string | null) {
  const { rows } = await sql<{ id: string; old_owner: string }>`
    WITH moving AS (
      SELECT id, owner_id FROM contacts WHERE tenant_id = ${tenantId}::uuid AND account_id = ${accountId}::uuid
        AND owner_id IS DISTINCT FROM ${userId}::uuid FOR UPDATE)
    UPDATE contacts c SET owner_id = ${userId}::uuid, department_id = ${departmentId}::uuid, version = c.version + 1,
        updated_by = ${actorId}::uuid, updated_at = now()
    FROM moving WHERE c.tenant_id = ${tenantId}::uuid AND c.id = moving.id
    RETURNING c.id, moving.owner_id AS old_owner`.execute(tx);
  for (const row of rows) {
    await writeAudit(tx, {
      tenantId, actorId, objectType: 'contact', recordId: row.id, action: 'transfer',
      changes: [{ field: 'ownerId', old: row.old_owner, new: userId }],
    });
  }
}

const OBJECTS: Record<PoolObjectKey, PoolObject> = {
  lead: { key: 'lead', table: 'leads', converted: sql<SqlBool>`${sql.ref(`${R}.converted_at`)} IS NOT NULL` },
  account: {
    key: 'account', table: 'accounts',
    converted: sql<SqlBool>`EXISTS (SELECT 1 FROM opportunities o WHERE o.tenant_id = ${sql.ref(`${R}.tenant_id`)}
      AND o.account_id = ${sql.ref(`${R}.id`)} AND o.stage = '赢单')`,
    carry: carryContacts,
  },
};

export function poolObject(key: string): PoolObject {
  if (!(POOL_OBJECTS as readonly string[]).includes(key)) throw invalid('pool.bad_group');
  return OBJECTS[key as PoolObjectKey];
}

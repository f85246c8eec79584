import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PoolObjectKey } from '@yixiao/core';
import { POOL_OBJECTS } from '@yixiao/core';
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
}

const OBJECTS: Record<PoolObjectKey, PoolObject> = {
  lead: { key: 'lead', table: 'leads', converted: sql<SqlBool>`${sql.ref(`${R}.converted_at`)} IS NOT NULL` },
  account: {
    key: 'account', table: 'accounts',
    converted: sql<SqlBool>`EXISTS (SELECT 1 FROM opportunities o WHERE o.tenant_id = ${sql.ref(`${R}.tenant_id`)}
      AND o.account_id = ${sql.ref(`${R}.id`)} AND o.stage = '赢单')`,
  },
};

export function poolObject(key: string): PoolObject {
  if (!(POOL_OBJECTS as readonly string[]).includes(key)) throw invalid('pool.bad_group');
  return OBJECTS[key as PoolObjectKey];
}

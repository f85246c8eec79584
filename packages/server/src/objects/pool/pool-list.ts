import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';

/**
 * What a pool list (销售线索公海池 / 客户公海池) shows, for its page and its export alike: the records of
 * the caller's groups (one, or all of them) whoever holds them — the details stay behind the usual
 * rules — and only those waiting in the pool unless 显示已领取、已转换、已废弃 is on.
 */
export function poolListPredicates(scope: RecordScope, query: { groupId?: string; all?: 'true' | 'false' }): { state: RawBuilder<SqlBool>; visible: RawBuilder<SqlBool> } {
  const groups = query.groupId ? scope.viewer.pools.member.filter((g) => g === query.groupId) : scope.viewer.pools.member;
  return {
    visible: sql<SqlBool>`${sql.ref(`${R}.pool_group_id`)} = ANY(${groups}::uuid[])`,
    state: query.all === 'true' ? sql<SqlBool>`true` : sql<SqlBool>`${sql.ref(`${R}.pool_state`)} = 'pool'`,
  };
}

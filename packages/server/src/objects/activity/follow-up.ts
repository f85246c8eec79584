import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import type { EngineObject } from '../../metadata/registry';
import { FEED_OBJECTS } from './activity.types';

/**
 * Objects that belong to an account (联系人, 销售机会, 合同, 订单): following one of them up is
 * following up its account, so a 动态 posted there also counts for the account's 最新活动记录时间
 * and shows in the account's 动态 (§3.5.6: the account page gathers "活动记录 … 联系人、销售机会、
 * 合同"; §3.5.5: 7天未跟进的客户 are those nobody followed up in 7 days).
 */
export const ACCOUNT_CHILDREN = FEED_OBJECTS.filter((o) => o.fields.some((f) => f.key === 'accountId' && f.lookup === 'account'));

/**
 * Moves a record's 最新活动记录时间 forward to `at` (never back: a visit written up late does not
 * hide a newer call), and its account's when it belongs to one. Not a field edit: the version,
 * 最新修改人 and 更新时间 stay, so nobody editing the record meets a conflict.
 */
export async function markFollowedUp(tx: DbOrTx, tenantId: string, object: EngineObject, row: Record<string, unknown>, at: Date): Promise<void> {
  await sql`UPDATE ${sql.table(object.table)} SET last_activity_at = GREATEST(last_activity_at, ${at}::timestamptz)
    WHERE tenant_id = ${tenantId}::uuid AND id = ${row.id as string}::uuid`.execute(tx);
  const accountId = ACCOUNT_CHILDREN.some((o) => o.key === object.key) ? row.account_id : null;
  if (typeof accountId === 'string') {
    await sql`UPDATE accounts SET last_activity_at = GREATEST(last_activity_at, ${at}::timestamptz)
      WHERE tenant_id = ${tenantId}::uuid AND id = ${accountId}::uuid`.execute(tx);
  }
}

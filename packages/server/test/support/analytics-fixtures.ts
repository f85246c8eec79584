import { sql } from 'kysely';
import type { Db } from '../../src/db/database';

/**
 * Records for analytics tests written straight to the tables, so each test states exactly when a
 * lead was created, converted and followed up, and when an opportunity was made.
 */
export function analyticsFixtures(db: Db, tenantId: string) {
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(db)).rows[0]!.id;
  const at = (value: string | Date | null | undefined) => (value == null ? null : new Date(value));
  return {
    async defaultGroup() {
      return one(sql<{ id: string }>`SELECT id FROM pool_groups WHERE tenant_id = ${tenantId}::uuid AND object = 'lead' AND is_default`);
    },
    /** A lead pool group whose members are only the given users. */
    async group(name: string, members: string[], sortOrder = 1) {
      const id = await one(sql<{ id: string }>`INSERT INTO pool_groups (tenant_id, object, name, everyone, sort_order)
        VALUES (${tenantId}::uuid, 'lead', ${name}, false, ${sortOrder}) RETURNING id`);
      for (const userId of members) await sql`INSERT INTO pool_group_members (tenant_id, group_id, user_id) VALUES (${tenantId}::uuid, ${id}::uuid, ${userId}::uuid)`.execute(db);
      return id;
    },
    async campaign(v: { name: string; ownerId: string; attendees?: number | null; cost?: string | null; createdAt?: string }) {
      return one(sql<{ id: string }>`INSERT INTO campaigns (tenant_id, name, owner_id, actual_attendees, actual_cost, created_at)
        VALUES (${tenantId}::uuid, ${v.name}, ${v.ownerId}::uuid, ${v.attendees ?? null}, ${v.cost ?? null}::numeric, ${at(v.createdAt) ?? new Date()})
        RETURNING id`);
    },
    async account(v: { name: string; ownerId: string }) {
      return one(sql<{ id: string }>`INSERT INTO accounts (tenant_id, name, owner_id) VALUES (${tenantId}::uuid, ${v.name}, ${v.ownerId}::uuid) RETURNING id`);
    },
    /** A lead; `converted` sets the conversion columns as 转为客户 does (the account it became and when). */
    async lead(v: {
      name: string; ownerId: string | null; groupId: string; state?: 'pool' | 'held' | 'abandoned'; campaignId?: string | null;
      createdAt: string | Date; activityAt?: string | null; converted?: { at: string; accountId: string };
    }) {
      const state = v.state ?? (v.ownerId ? 'held' : 'pool');
      return one(sql<{ id: string }>`INSERT INTO leads (tenant_id, name, company_name, owner_id, campaign_id, pool_group_id, pool_state,
          created_at, last_activity_at, status, converted_at, converted_account_id)
        VALUES (${tenantId}::uuid, ${v.name}, ${`${v.name}的公司`}, ${v.ownerId}::uuid, ${v.campaignId ?? null}::uuid, ${v.groupId}::uuid, ${state},
          ${at(v.createdAt)}, ${at(v.activityAt)}, ${v.converted ? '已转换' : '未处理'}, ${at(v.converted?.at)}, ${v.converted?.accountId ?? null}::uuid)
        RETURNING id`);
    },
    async opportunity(v: { name: string; accountId: string; ownerId: string; amount: string | null; stage: string; createdAt: string }) {
      return one(sql<{ id: string }>`INSERT INTO opportunities (tenant_id, name, account_id, owner_id, amount, stage, created_at)
        VALUES (${tenantId}::uuid, ${v.name}, ${v.accountId}::uuid, ${v.ownerId}::uuid, ${v.amount}::numeric, ${v.stage}, ${new Date(v.createdAt)})
        RETURNING id`);
    },
    /** A pool action in the event log, as the pool's actions write it. */
    async event(v: { leadId: string; kind: string; at: string; fromGroupId?: string | null; toGroupId?: string | null }) {
      await sql`INSERT INTO record_events (tenant_id, object, record_id, kind, from_group_id, to_group_id, at)
        VALUES (${tenantId}::uuid, 'lead', ${v.leadId}::uuid, ${v.kind}, ${v.fromGroupId ?? null}::uuid, ${v.toGroupId ?? null}::uuid, ${new Date(v.at)})`.execute(db);
    },
  };
}

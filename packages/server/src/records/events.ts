import { sql } from 'kysely';
import type { OpportunityEventKind, PoolEventKind } from '@yixiao/core';
import type { DbOrTx } from '../db/database';

export interface PoolEventInput {
  tenantId: string;
  object: string;
  recordId: string;
  kind: PoolEventKind | OpportunityEventKind;
  actorId: string | null;
  fromOwnerId?: string | null;
  toOwnerId?: string | null;
  fromGroupId?: string | null;
  toGroupId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends to the immutable event log (查看公海操作记录, and what analytics count). Events are dated
 * now, unless the transaction set `yixiao.event_time` — only the demo-data generator does, to lay
 * out a year of history that can no longer be edited afterwards.
 */
export async function writeEvent(db: DbOrTx, e: PoolEventInput): Promise<void> {
  await db.insertInto('record_events').values({
    tenant_id: e.tenantId, object: e.object, record_id: e.recordId, kind: e.kind, actor_id: e.actorId,
    from_owner_id: e.fromOwnerId ?? null, to_owner_id: e.toOwnerId ?? null,
    from_group_id: e.fromGroupId ?? null, to_group_id: e.toGroupId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
    at: sql`coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())`,
  }).execute();
}

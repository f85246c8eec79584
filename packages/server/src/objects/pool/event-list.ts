import { sql } from 'kysely';
import type { PoolEvent, PoolEventKind } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { RecordScope } from '../../records/scope';
import { poolObject } from './pool-objects';

interface EventQuery {
  groupId?: string;
  recordId?: string;
  page: number;
  pageSize: number;
}

/** 查看公海操作记录: events that touched the caller's groups (administrators: every group). */
export async function poolEvents(db: DbOrTx, scope: RecordScope, q: EventQuery): Promise<{ items: PoolEvent[]; hasMore: boolean }> {
  const pool = poolObject(scope.object.key);
  const groups = q.groupId ? scope.viewer.pools.member.filter((g) => g === q.groupId) : scope.viewer.pools.member;
  const { rows } = await sql<{
    id: string; record_id: string; record_name: string | null; kind: PoolEventKind; actor_id: string | null; actor_name: string | null;
    from_owner_name: string | null; to_owner_name: string | null; from_group_name: string | null; to_group_name: string | null;
    detail: Record<string, unknown>; at: Date;
  }>`
    SELECT e.id::text, e.record_id, coalesce(r.name, e.detail->>'name') AS record_name, e.kind, e.actor_id, a.name AS actor_name,
           fo.name AS from_owner_name, t.name AS to_owner_name, fg.name AS from_group_name, tg.name AS to_group_name, e.detail, e.at
    FROM record_events e
    LEFT JOIN ${sql.table(pool.table)} r ON r.tenant_id = e.tenant_id AND r.id = e.record_id
    LEFT JOIN users a ON a.tenant_id = e.tenant_id AND a.id = e.actor_id
    LEFT JOIN users fo ON fo.tenant_id = e.tenant_id AND fo.id = e.from_owner_id
    LEFT JOIN users t ON t.tenant_id = e.tenant_id AND t.id = e.to_owner_id
    LEFT JOIN pool_groups fg ON fg.tenant_id = e.tenant_id AND fg.id = e.from_group_id
    LEFT JOIN pool_groups tg ON tg.tenant_id = e.tenant_id AND tg.id = e.to_group_id
    WHERE e.tenant_id = ${scope.auth.tenantId}::uuid AND e.object = ${pool.key}
      AND (e.to_group_id = ANY(${groups}::uuid[]) OR e.from_group_id = ANY(${groups}::uuid[]))
      ${q.recordId ? sql`AND e.record_id = ${q.recordId}::uuid` : sql``}
    ORDER BY e.id DESC LIMIT ${q.pageSize + 1} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return {
    hasMore: rows.length > q.pageSize,
    items: rows.slice(0, q.pageSize).map((r) => ({
      id: r.id, recordId: r.record_id, recordName: r.record_name, kind: r.kind, actorId: r.actor_id, actorName: r.actor_name,
      fromOwnerName: r.from_owner_name, toOwnerName: r.to_owner_name, fromGroupName: r.from_group_name, toGroupName: r.to_group_name,
      detail: r.detail, at: r.at.toISOString(),
    })),
  };
}

import { sql } from 'kysely';
import type { SalesStage, StageStay } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import { writeEvent } from '../../records/events';
import type { RecordScope } from '../../records/scope';

/** Now, unless the demo-data generator dated its transaction (as the event log does, records/events.ts). */
const eventTime = sql<Date>`coalesce(nullif(current_setting('yixiao.event_time', true), '')::timestamptz, now())`;

/**
 * An opportunity enters a stage: the stay in the stage it leaves is closed (who, when, where to),
 * a new stay opens, and the immutable event log gets a 'stage_change' (from null at creation).
 * Dwell time, flow in and out, loss and conversion per stage (§4.1.4) are read from these.
 */
export async function enterStage(tx: Tx, scope: RecordScope, record: Record<string, unknown>, from: string | null, to: SalesStage): Promise<void> {
  const { tenantId, userId } = scope.auth;
  const id = record.id as string;
  if (from !== null) {
    await tx.updateTable('opportunity_stage_history')
      .set({ left_at: sql`greatest(${eventTime}, entered_at)`, left_by: userId, next_stage: to.value })
      .where('tenant_id', '=', tenantId).where('opportunity_id', '=', id).where('left_at', 'is', null)
      .execute();
  }
  await tx.insertInto('opportunity_stage_history').values({
    tenant_id: tenantId, opportunity_id: id, stage: to.value, win_rate: to.winRate,
    amount: (record.amount as string | null) ?? null, entered_at: eventTime, entered_by: userId,
  }).execute();
  await writeEvent(tx, {
    tenantId, object: 'opportunity', recordId: id, kind: 'stage_change', actorId: userId,
    detail: {
      from, to: to.value, winRate: to.winRate, amount: record.amount ?? null, closeDate: record.closeDate ?? null,
      ...(to.kind === 'lost' ? { lostReason: record.lostReason ?? null } : {}),
    },
  });
}

const FORECAST_FIELDS = ['amount', 'closeDate'] as const;

/** 预测历史: a change of amount or close date (from nothing at creation) goes to the event log with the stage it was made in. */
export async function recordForecast(tx: Tx, scope: RecordScope, before: Record<string, unknown> | null, after: Record<string, unknown>): Promise<void> {
  const detail: Record<string, unknown> = {};
  for (const key of FORECAST_FIELDS) {
    const old = before?.[key] ?? null;
    const now = after[key] ?? null;
    if (old !== now) detail[key] = { from: old, to: now };
  }
  if (Object.keys(detail).length === 0) return;
  await writeEvent(tx, {
    tenantId: scope.auth.tenantId, object: 'opportunity', recordId: after.id as string, kind: 'forecast_change', actorId: scope.auth.userId,
    detail: { ...detail, stage: after.stage ?? null },
  });
}

/** The open stage a record was last in, for a closed record that reopens (guided mode resumes there). */
export async function lastOpenStage(db: DbOrTx, tenantId: string, opportunityId: string, openValues: ReadonlySet<string>): Promise<string | null> {
  const rows = await db.selectFrom('opportunity_stage_history').select('stage')
    .where('tenant_id', '=', tenantId).where('opportunity_id', '=', opportunityId).orderBy('id', 'desc').execute();
  return rows.find((r) => openValues.has(r.stage))?.stage ?? null;
}

/** 阶段历史: every stay of the record, oldest first, with the names of who moved it. */
export async function stageHistory(db: DbOrTx, tenantId: string, opportunityId: string, labelOf: (stage: string) => StageStay['label']): Promise<StageStay[]> {
  const rows = await db.selectFrom('opportunity_stage_history as h')
    .leftJoin('users as e', (j) => j.onRef('e.tenant_id', '=', 'h.tenant_id').onRef('e.id', '=', 'h.entered_by'))
    .leftJoin('users as l', (j) => j.onRef('l.tenant_id', '=', 'h.tenant_id').onRef('l.id', '=', 'h.left_by'))
    .select(['h.stage', 'h.win_rate', 'h.entered_at', 'h.entered_by', 'e.name as entered_by_name', 'h.left_at', 'h.left_by', 'l.name as left_by_name', 'h.next_stage'])
    .where('h.tenant_id', '=', tenantId).where('h.opportunity_id', '=', opportunityId).orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    stage: r.stage, label: labelOf(r.stage), winRate: r.win_rate ?? 0,
    enteredAt: r.entered_at.toISOString(), enteredBy: r.entered_by, enteredByName: r.entered_by_name,
    leftAt: r.left_at ? r.left_at.toISOString() : null, leftBy: r.left_by, leftByName: r.left_by_name, nextStage: r.next_stage,
  }));
}

import type { Tx } from '../../db/database';
import { AppError } from '../../platform/http/errors';
import { registerHooks } from '../../records/hooks';
import type { RecordScope } from '../../records/scope';
import { rowToRecord } from '../../records/values';
import { loadSalesProcess, openStages, stageOf } from './sales-process';
import { enterStage, lastOpenStage, recordForecast } from './stage-history';
import { assertLostReason, assertStageMove } from './stage-rules';
import './messages';

/** Ids of the stage tasks ticked on an opportunity. */
export async function checkedTasks(tx: Tx, tenantId: string, opportunityId: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('opportunity_stage_checks').select('task_id')
    .where('tenant_id', '=', tenantId).where('opportunity_id', '=', opportunityId).execute();
  return new Set(rows.map((r) => r.task_id));
}

/**
 * Judges a stage change (or the stage a record is created in) and logs it. Every write of an
 * opportunity passes here — the form, the kanban, PATCH, batch update, lead conversion — so the
 * stage history is complete whichever way the stage moved.
 */
async function onStage(tx: Tx, scope: RecordScope, before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const { tenantId } = scope.auth;
  const stageChanged = before?.stage !== after.stage;
  if (!stageChanged && before?.lostReason === after.lostReason) return;
  const process = await loadSalesProcess(tx, tenantId);
  assertLostReason(process, after);
  if (!stageChanged) return;
  const target = stageOf(process, after.stage);
  if (!target) throw new AppError(400, 'invalid', 'opportunity.stage.unknown', { stage: String(after.stage) });
  const id = after.id as string;
  const from = (before?.stage as string | undefined) ?? null;
  if (process.mode === 'guided') {
    const closed = from !== null && stageOf(process, from)?.kind !== 'open';
    assertStageMove({
      process, object: scope.object, locale: scope.auth.locale, from, to: target.value, record: after,
      checked: before ? await checkedTasks(tx, tenantId, id) : new Set(),
      lastOpen: closed ? await lastOpenStage(tx, tenantId, id, new Set(openStages(process).map((s) => s.value))) : null,
    });
  }
  await enterStage(tx, scope, after, from, target);
}

registerHooks('opportunity', {
  async prepareCreate(tx, scope, input) {
    // New opportunities start at the company's first stage (the metadata's default is the built-in one).
    if (input.stage === undefined || input.stage === null || input.stage === '') {
      const first = openStages(await loadSalesProcess(tx, scope.auth.tenantId)).find((s) => s.enabled);
      if (first) input.stage = first.value;
    }
  },
  async afterCreate(tx, scope, row) {
    const record = rowToRecord(scope.object, row);
    await onStage(tx, scope, null, record);
    await recordForecast(tx, scope, null, record);
  },
  async prepareUpdate(tx, scope, row, input) {
    // Reopening a lost opportunity clears its loss reason, unless the edit sets one itself.
    if (!('stage' in input) || input.stage === row.stage || 'lostReason' in input || row.lost_reason == null) return;
    const process = await loadSalesProcess(tx, scope.auth.tenantId);
    if (stageOf(process, row.stage)?.kind === 'lost' && stageOf(process, input.stage)?.kind !== 'lost') input.lostReason = null;
  },
  async afterUpdate(tx, scope, before, after) {
    await onStage(tx, scope, before, after);
    await recordForecast(tx, scope, before, after);
  },
});

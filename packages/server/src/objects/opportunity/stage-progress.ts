import type { Label, StageProgress } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { rowToRecord } from '../../records/values';
import { AppError } from '../../platform/http/errors';
import { writeEvent } from '../../records/events';
import { loadSalesProcess, stageOf } from './sales-process';
import { missingOf } from './stage-rules';
import { stageHistory } from './stage-history';

async function canWrite(db: DbOrTx, scope: RecordScope, id: string): Promise<boolean> {
  try {
    await findRow(db, scope, id, 'write');
    return true;
  } catch {
    return false;
  }
}

/**
 * The detail page's stage bar (可视化流程, §3.7.6): the stages, where the record stands, each stage's
 * tasks with their ticks and key fields with whether they are filled, and the stage history.
 */
export async function stageProgress(db: DbOrTx, scope: RecordScope, id: string): Promise<StageProgress> {
  const { tenantId } = scope.auth;
  const record = rowToRecord(scope.object, await findRow(db, scope, id));
  const [process, checks, editable] = await Promise.all([
    loadSalesProcess(db, tenantId),
    db.selectFrom('opportunity_stage_checks').select(['task_id', 'checked_by', 'checked_at']).where('tenant_id', '=', tenantId).where('opportunity_id', '=', id).execute(),
    canWrite(db, scope, id),
  ]);
  const ticks = new Map(checks.map((c) => [c.task_id, c]));
  const checked = new Set(ticks.keys());
  const labelOf = (value: string): Label => stageOf(process, value)?.label ?? { zh: value, en: value };
  return {
    mode: process.mode,
    current: record.stage as string,
    canEdit: editable,
    lostReasons: process.lostReasons,
    history: await stageHistory(db, tenantId, id, labelOf),
    stages: process.stages.map((stage) => {
      const missing = missingOf(stage, scope.object, record, checked);
      return {
        ...stage,
        complete: missing.tasks.length === 0 && missing.fields.length === 0,
        tasks: stage.tasks.map((t) => {
          const tick = ticks.get(t.id);
          return { ...t, done: !!tick, doneBy: tick?.checked_by ?? null, doneAt: tick ? tick.checked_at.toISOString() : null };
        }),
        keyFieldStates: stage.keyFields.flatMap((key) => {
          const field = scope.object.field(key);
          if (!field || field.retired) return [];
          return [{ key, label: field.label, filled: !missing.fields.includes(field) }];
        }),
      };
    }),
  };
}

/** Ticks (or unticks) a stage task on an opportunity the user may edit; the event log keeps each tick. */
export async function tickStageTask(tx: Tx, scope: RecordScope, id: string, taskId: string, done: boolean): Promise<void> {
  const { tenantId, userId } = scope.auth;
  await findRow(tx, scope, id, 'write', true);
  const task = await tx.selectFrom('sales_stage_tasks').select(['id', 'title', 'stage']).where('tenant_id', '=', tenantId).where('id', '=', taskId).executeTakeFirst();
  if (!task) throw new AppError(404, 'not_found', 'opportunity.stage.task_unknown');
  const changed = done
    ? await tx.insertInto('opportunity_stage_checks').values({ tenant_id: tenantId, opportunity_id: id, task_id: taskId, checked_by: userId })
      .onConflict((oc) => oc.columns(['tenant_id', 'opportunity_id', 'task_id']).doNothing()).executeTakeFirst()
    : await tx.deleteFrom('opportunity_stage_checks').where('tenant_id', '=', tenantId).where('opportunity_id', '=', id).where('task_id', '=', taskId).executeTakeFirst();
  const rows = 'numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : changed.numDeletedRows;
  if (!rows) return;
  await writeEvent(tx, {
    tenantId, object: 'opportunity', recordId: id, kind: 'stage_task', actorId: userId,
    detail: { taskId, title: task.title, stage: task.stage, done },
  });
}

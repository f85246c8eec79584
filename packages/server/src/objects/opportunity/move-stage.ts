import type { Tx } from '../../db/database';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { updateRecord } from '../../records/update-record';

/**
 * 推进销售机会 from the kanban or the stage bar: an ordinary edit of 销售阶段 (and 输单原因), so the
 * same rules, operation log and stage history apply as for the form, PATCH and batch update.
 */
export async function moveStage(tx: Tx, scope: RecordScope, id: string, input: { stage: string; lostReason?: string; version?: number }) {
  const version = input.version ?? ((await findRow(tx, scope, id, 'write')).version as number);
  return updateRecord(tx, scope, id, { stage: input.stage, ...(input.lostReason !== undefined ? { lostReason: input.lostReason } : {}) }, version);
}

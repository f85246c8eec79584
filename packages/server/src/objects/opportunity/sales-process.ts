import { DEFAULT_LOST_REASONS, DEFAULT_SALES_STAGES, type SalesProcess, type SalesStage, type StageKind } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';

const KIND_RANK: Record<StageKind, number> = { open: 0, won: 1, lost: 2 };

/**
 * The company's sales process (§3.7.6): its stages in order (open stages, then 赢单, then 输单), each
 * with win rate, tasks and key fields; its mode and lost reasons. A company that never saved one
 * works with the built-in process, version 0.
 */
export async function loadSalesProcess(db: DbOrTx, tenantId: string): Promise<SalesProcess> {
  const process = await db.selectFrom('sales_processes').select(['mode', 'version']).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!process) {
    return { mode: 'simple', version: 0, stages: DEFAULT_SALES_STAGES.map((s) => ({ ...s })), lostReasons: DEFAULT_LOST_REASONS.map((r) => ({ ...r })) };
  }
  const [stages, tasks, reasons] = await Promise.all([
    db.selectFrom('sales_stages').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('value').execute(),
    db.selectFrom('sales_stage_tasks').select(['id', 'stage', 'title', 'required']).where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('sales_lost_reasons').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('value').execute(),
  ]);
  return {
    mode: process.mode,
    version: process.version,
    stages: stages
      .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind])
      .map((s) => ({
        value: s.value, label: { zh: s.label_zh, en: s.label_en }, kind: s.kind, winRate: s.win_rate, enabled: s.enabled, keyFields: s.key_fields,
        tasks: tasks.filter((t) => t.stage === s.value).map((t) => ({ id: t.id, title: t.title, required: t.required })),
      })),
    lostReasons: reasons.map((r) => ({ value: r.value, label: { zh: r.label_zh, en: r.label_en }, enabled: r.enabled })),
  };
}

export const stageOf = (process: SalesProcess, value: unknown): SalesStage | undefined => process.stages.find((s) => s.value === value);
export const openStages = (process: SalesProcess) => process.stages.filter((s) => s.kind === 'open');
export const wonStage = (process: SalesProcess) => process.stages.find((s) => s.kind === 'won')!;
export const lostStage = (process: SalesProcess) => process.stages.find((s) => s.kind === 'lost')!;

import type { Label, Locale, SalesProcess, SalesStage } from '@yixiao/core';
import type { EngineObject } from '../../metadata/registry';
import { AppError, invalid } from '../../platform/http/errors';
import { openStages, stageOf, wonStage } from './sales-process';

/** What a stage change is judged on: the process, where the record comes from and what it holds afterwards. */
export interface StageMove {
  process: SalesProcess;
  object: EngineObject;
  locale: Locale;
  /** null when the record is being created. */
  from: string | null;
  to: string;
  /** The record as it will be stored (key fields are judged on it). */
  record: Record<string, unknown>;
  /** Ids of the stage tasks ticked on the record. */
  checked: ReadonlySet<string>;
  /** For a closed record (赢单/输单): the open stage it was last in, where a reopened flow resumes. */
  lastOpen: string | null;
}

const text = (label: Label, locale: Locale) => (locale === 'en-US' ? label.en : label.zh);
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const blocked = (key: string, params: Record<string, string>) => new AppError(409, 'stage_blocked', key, params);

/** §4.1.7: closing as lost needs a reason from the administrator's list, in either mode. */
export function assertLostReason(process: SalesProcess, record: Record<string, unknown>): void {
  if (stageOf(process, record.stage)?.kind !== 'lost' || !blank(record.lostReason)) return;
  throw invalid('opportunity.lost_reason_required', {}, [{ field: 'lostReason', reason: 'required' }]);
}

/** The tasks and key fields of a stage still open on the record; empty when the stage is complete. */
export function missingOf(stage: SalesStage, object: EngineObject, record: Record<string, unknown>, checked: ReadonlySet<string>) {
  return {
    tasks: stage.tasks.filter((t) => t.required && !checked.has(t.id)),
    fields: stage.keyFields.map((k) => object.field(k)).filter((f) => f && !f.retired && blank(record[f.key])).map((f) => f!),
  };
}

/**
 * §3.7.6 可视化流程 (guided): one step forward at a time, after every stage up to the current one has
 * its required tasks ticked and key fields filled; going back and closing as lost are always
 * allowed. Simple mode lets any stage be chosen. Throws the reason a move is refused.
 */
export function assertStageMove(move: StageMove): void {
  const { process, from, to, locale } = move;
  if (process.mode === 'simple' || from === to) return;
  const target = stageOf(process, to);
  if (!target || target.kind === 'lost') return;
  const opens = openStages(process);
  const indexOf = (value: string | null) => opens.findIndex((s) => s.value === value);
  const fromStage = from === null ? undefined : stageOf(process, from);
  const anchor = fromStage?.kind === 'open' ? fromStage.value : move.lastOpen;
  const position = indexOf(anchor);
  if (target.kind === 'open' && indexOf(target.value) <= position && indexOf(target.value) >= 0) return;

  const next = opens.slice(position + 1).find((s) => s.enabled) ?? wonStage(process);
  if (target.value !== next.value) {
    if (position < 0) throw blocked('opportunity.stage.first', { first: text(next.label, locale) });
    throw blocked('opportunity.stage.skip', { from: text(opens[position]!.label, locale), next: text(next.label, locale) });
  }
  for (const stage of opens.slice(0, position + 1).filter((s) => s.enabled)) {
    const missing = missingOf(stage, move.object, move.record, move.checked);
    if (missing.tasks.length) throw blocked('opportunity.stage.tasks_open', { stage: text(stage.label, locale), tasks: missing.tasks.map((t) => t.title).join('、') });
    if (missing.fields.length) throw blocked('opportunity.stage.fields_missing', { stage: text(stage.label, locale), fields: missing.fields.map((f) => text(f.label, locale)).join('、') });
  }
}

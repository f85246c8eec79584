import type { LostReasonInput, SalesMode, SalesProcess, SalesProcessInput, SalesStageInput } from '@yixiao/core';

/** What 系统设置 → 销售流程 edits: the process as input, each row with a key of its own for React. */
export interface StageDraft extends SalesStageInput {
  key: string;
}
export interface ReasonDraft extends LostReasonInput {
  key: string;
}
export interface ProcessDraft {
  mode: SalesMode;
  version: number;
  stages: StageDraft[];
  lostReasons: ReasonDraft[];
}

let counter = 0;
export const newKey = () => `new-${++counter}`;

export function toDraft(p: SalesProcess): ProcessDraft {
  return {
    mode: p.mode,
    version: p.version,
    stages: p.stages.map((s) => ({
      key: s.value, value: s.value, label: { ...s.label }, kind: s.kind, winRate: s.winRate, enabled: s.enabled,
      keyFields: [...s.keyFields], tasks: s.tasks.map((task) => ({ ...task })),
    })),
    lostReasons: p.lostReasons.map((r) => ({ key: r.value, value: r.value, label: { ...r.label }, enabled: r.enabled })),
  };
}

export function toInput(d: ProcessDraft): SalesProcessInput {
  return {
    mode: d.mode,
    version: d.version,
    stages: d.stages.map(({ key: _k, ...s }) => ({ ...s, label: { zh: s.label.zh.trim(), en: s.label.en?.trim() || undefined } })),
    lostReasons: d.lostReasons.map(({ key: _k, ...r }) => ({ ...r, label: { zh: r.label.zh.trim(), en: r.label.en?.trim() || undefined } })),
  };
}

/** Moves one row up or down among the open stages (赢单 and 输单 stay last). */
export function shift(stages: StageDraft[], key: string, by: -1 | 1): StageDraft[] {
  const opens = stages.filter((s) => s.kind === 'open');
  const i = opens.findIndex((s) => s.key === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= opens.length) return stages;
  [opens[i], opens[j]] = [opens[j]!, opens[i]!];
  return [...opens, ...stages.filter((s) => s.kind !== 'open')];
}

/**
 * Shapes of the sales-process API (推进销售机会, §3.7.6; 看板, §3.7.4), shared by server and web.
 *
 *   GET  /api/v1/sales-process                              SalesProcess (everyone: stage bars, kanban columns)
 *   PUT  /api/v1/sales-process                              SalesProcessInput & { version } → SalesProcess (metadata.manage)
 *   GET  /api/v1/opportunity/kanban?filter=&view=&viewId=&sort=&limit=&stage=&offset=
 *                                                           KanbanBoard: a column per stage with count, amount and cards
 *   POST /api/v1/opportunity/:id/stage                      { stage, lostReason?, version? } → the opportunity
 *   GET  /api/v1/opportunity/:id/stage-progress             StageProgress (the detail page's stage bar)
 *   PUT  /api/v1/opportunity/:id/stage-tasks/:taskId        { done } → StageProgress
 *
 * An opportunity's `stage` stores a stage's `value` (the Chinese name it was created with; it never
 * changes, so renaming a stage keeps every record and its history), `lostReason` a lost reason's value.
 */
import type { Label } from './metadata';

/** simple: any stage may be chosen, stages may be skipped; guided (可视化流程): one step at a time, each stage's tasks and key fields first. */
export type SalesMode = 'simple' | 'guided';
/** Open stages are worked through in order; won (赢单) and lost (输单) close the opportunity. */
export type StageKind = 'open' | 'won' | 'lost';

/** A checklist item of a stage, ticked on each opportunity. */
export interface StageTask {
  id: string;
  title: string;
  /** Guided mode: the stage cannot be left forward before it is ticked. */
  required: boolean;
}

export interface SalesStage {
  value: string;
  label: Label;
  kind: StageKind;
  /** 赢率 in percent (0–100): weighted forecast = amount × winRate / 100. */
  winRate: number;
  /** A disabled stage stays on the records in it and leaves the choices. */
  enabled: boolean;
  /** Fields that must be filled before leaving the stage forward (guided mode). */
  keyFields: string[];
  tasks: StageTask[];
}

export interface LostReason {
  value: string;
  label: Label;
  enabled: boolean;
}

export interface SalesProcess {
  mode: SalesMode;
  /** In order: open stages, then 赢单, then 输单. */
  stages: SalesStage[];
  lostReasons: LostReason[];
  /** 0 while the company still uses the built-in process. */
  version: number;
}

export interface StageTaskInput {
  /** An existing task keeps its id (and so the ticks on opportunities); new tasks have none. */
  id?: string;
  title: string;
  required: boolean;
}

export interface SalesStageInput {
  /** Names an existing stage; a new stage's value is its Chinese label. */
  value?: string;
  label: { zh: string; en?: string };
  kind: StageKind;
  winRate: number;
  enabled: boolean;
  keyFields: string[];
  tasks: StageTaskInput[];
}

export interface LostReasonInput {
  value?: string;
  label: { zh: string; en?: string };
  enabled: boolean;
}

export interface SalesProcessInput {
  mode: SalesMode;
  stages: SalesStageInput[];
  lostReasons: LostReasonInput[];
  version: number;
}

const stage = (zh: string, en: string, kind: StageKind, winRate: number): SalesStage =>
  ({ value: zh, label: { zh, en }, kind, winRate, enabled: true, keyFields: [], tasks: [] });

/** The process every company starts with: the stages opportunities had before processes were configurable. */
export const DEFAULT_SALES_STAGES: readonly SalesStage[] = [
  stage('初步接洽', 'Qualification', 'open', 10),
  stage('需求确定', 'Needs analysis', 'open', 30),
  stage('方案/报价', 'Proposal', 'open', 60),
  stage('谈判审核', 'Negotiation', 'open', 80),
  stage('赢单', 'Won', 'won', 100),
  stage('输单', 'Lost', 'lost', 0),
];

export const DEFAULT_LOST_REASONS: readonly LostReason[] = [
  ['价格', 'Price'], ['产品功能', 'Product fit'], ['竞争对手', 'Competitor'], ['预算取消', 'No budget'], ['其他', 'Other'],
].map(([zh, en]) => ({ value: zh!, label: { zh: zh!, en: en! }, enabled: true }));

export interface StageTaskState extends StageTask {
  done: boolean;
  doneBy: string | null;
  doneAt: string | null;
}

export interface StageKeyFieldState {
  key: string;
  label: Label;
  filled: boolean;
}

/** One stay of an opportunity in a stage (阶段历史): entered and left, by whom. */
export interface StageStay {
  stage: string;
  label: Label;
  winRate: number;
  enteredAt: string;
  enteredBy: string | null;
  enteredByName: string | null;
  leftAt: string | null;
  leftBy: string | null;
  leftByName: string | null;
  nextStage: string | null;
}

export interface StageProgress {
  mode: SalesMode;
  current: string;
  stages: (Omit<SalesStage, 'tasks'> & { tasks: StageTaskState[]; keyFieldStates: StageKeyFieldState[]; complete: boolean })[];
  lostReasons: LostReason[];
  /** Oldest first. */
  history: StageStay[];
  canEdit: boolean;
}

export interface KanbanColumn {
  value: string;
  label: Label;
  kind: StageKind;
  winRate: number;
  enabled: boolean;
  count: number;
  /** Exact decimals as strings. */
  amount: string;
  weightedAmount: string;
  items: Record<string, unknown>[];
}

export interface KanbanBoard {
  mode: SalesMode;
  columns: KanbanColumn[];
}

/**
 * What opportunities add to the event log (record_events): every stage change (detail { from, to,
 * winRate, amount, closeDate, lostReason? }; from is null at creation), every change of amount or
 * close date (detail { amount?: { from, to }, closeDate?: { from, to }, stage }) and stage-task ticks.
 */
export type OpportunityEventKind = 'stage_change' | 'forecast_change' | 'stage_task';

import type { KanbanBoard, SalesProcess, SalesProcessInput, StageProgress } from '@yixiao/core';
import { get, post, put } from '../../api/client';
import type { ListQuery } from '../../records/api';
import type { RecordData } from '../../records/extensions';

/** The sales-process API (core sales.ts), as the kanban, the stage bar and 系统设置 → 销售流程 use it. */
export interface KanbanQuery extends Omit<ListQuery, 'page' | 'pageSize'> {
  limit?: number;
  stage?: string;
  offset?: number;
}

const kanbanUrl = (q: KanbanQuery) => {
  const params = new URLSearchParams();
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.view) params.set('view', q.view);
  if (q.viewId) params.set('viewId', q.viewId);
  if (q.sort) params.set('sort', q.sort);
  if (q.limit) params.set('limit', String(q.limit));
  if (q.stage !== undefined) params.set('stage', q.stage);
  if (q.offset) params.set('offset', String(q.offset));
  return `/api/v1/opportunity/kanban?${params.toString()}`;
};

export const salesApi = {
  process: () => get<SalesProcess>('/api/v1/sales-process'),
  saveProcess: (input: SalesProcessInput) => put<SalesProcess>('/api/v1/sales-process', input),
  kanban: (q: KanbanQuery) => get<KanbanBoard>(kanbanUrl(q)),
  move: (id: string, input: { stage: string; lostReason?: string; version?: number }) => post<RecordData>(`/api/v1/opportunity/${id}/stage`, input),
  progress: (id: string) => get<StageProgress>(`/api/v1/opportunity/${id}/stage-progress`),
  tick: (id: string, taskId: string, done: boolean) => put<StageProgress>(`/api/v1/opportunity/${id}/stage-tasks/${taskId}`, { done }),
};

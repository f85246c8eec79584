import type { FilterNode, ObjectMeta } from '@yixiao/core';
import { api, del, get, patch, post, put } from '../api/client';
import type { RecordData } from './extensions';

/** Shapes of the record engine's API (server records/*.ts), as the screens use them. */
export type SystemView = 'mine' | 'team' | 'all' | 'stale7';

export interface ListQuery {
  filter?: FilterNode;
  view?: SystemView;
  viewId?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export interface ListPage {
  items: RecordData[];
  total: number;
  /** More than the server counts (10,000): show "10,000+". */
  totalCapped: boolean;
}

export interface SavedView {
  id: string;
  name: string;
  filter: FilterNode;
  sort: string | null;
}

export interface TeamMember {
  userId: string;
  name: string;
  access: 'read' | 'write';
  addedAt: string;
}

export interface BatchResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}

export type RecordValues = Record<string, unknown>;

const listUrl = (object: string, q: ListQuery) => {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.view) params.set('view', q.view);
  if (q.viewId) params.set('viewId', q.viewId);
  if (q.sort) params.set('sort', q.sort);
  return `/api/v1/${object}?${params.toString()}`;
};

/**
 * A key per create attempt: a double click or a retried request makes one record, not two.
 * getRandomValues rather than randomUUID, which browsers only offer on HTTPS or localhost.
 */
export const newIdempotencyKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export const recordsApi = {
  objects: () => get<{ items: ObjectMeta[] }>('/api/v1/metadata/objects').then((r) => r.items),
  object: (object: string) => get<ObjectMeta>(`/api/v1/metadata/objects/${object}`),

  list: (object: string, q: ListQuery) => get<ListPage>(listUrl(object, q)),
  /** The export of what the list shows (view, filters, sort, the user's columns); ExportMenu adds the format. */
  exportUrl: (object: string, q: ListQuery) => listUrl(object, q).replace(`/api/v1/${object}?`, `/api/v1/${object}/export?`),
  read: (object: string, id: string) => get<RecordData>(`/api/v1/${object}/${id}`),
  create: (object: string, values: RecordValues, idempotencyKey: string) =>
    api<RecordData>('POST', `/api/v1/${object}`, values, { 'idempotency-key': idempotencyKey }),
  update: (object: string, id: string, version: number, values: RecordValues) =>
    patch<RecordData>(`/api/v1/${object}/${id}`, { ...values, version }),
  remove: (object: string, id: string) => del<void>(`/api/v1/${object}/${id}`),
  transfer: (object: string, id: string, ownerId: string) => post<RecordData>(`/api/v1/${object}/${id}/transfer`, { ownerId }),

  batchUpdate: (object: string, ids: string[], values: RecordValues) =>
    post<{ results: BatchResult[] }>(`/api/v1/${object}/batch/update`, { ids, values }).then((r) => r.results),
  batchDelete: (object: string, ids: string[]) =>
    post<{ results: BatchResult[] }>(`/api/v1/${object}/batch/delete`, { ids }).then((r) => r.results),
  batchTransfer: (object: string, ids: string[], ownerId: string) =>
    post<{ results: BatchResult[] }>(`/api/v1/${object}/batch/transfer`, { ids, ownerId }).then((r) => r.results),

  team: (object: string, id: string) => get<{ items: TeamMember[] }>(`/api/v1/${object}/${id}/team`).then((r) => r.items),
  setTeamMember: (object: string, id: string, userId: string, access: 'read' | 'write') =>
    put<void>(`/api/v1/${object}/${id}/team/${userId}`, { access }),
  removeTeamMember: (object: string, id: string, userId: string) => del<void>(`/api/v1/${object}/${id}/team/${userId}`),

  views: (object: string) => get<{ items: SavedView[] }>(`/api/v1/views/${object}`).then((r) => r.items),
  saveView: (object: string, view: { name: string; filter: FilterNode; sort: string | null }) => post<SavedView>(`/api/v1/views/${object}`, view),
  deleteView: (object: string, id: string) => del<void>(`/api/v1/views/${object}/${id}`),
  columns: (object: string) => get<{ columns: string[] }>(`/api/v1/views/${object}/columns`).then((r) => r.columns),
  saveColumns: (object: string, columns: string[]) => put<{ columns: string[] }>(`/api/v1/views/${object}/columns`, { columns }).then((r) => r.columns),
};

import type {
  AssignRule, AssignRuleInput, FilterNode, PoolAction, PoolEvent, PoolGroup, PoolGroupDetail, PoolGroupInput, PoolMemberInput,
  PoolObjectKey, PoolStatus, RecyclePreview,
} from '@yixiao/core';
import { api, del, get, patch, post, put } from '../../api/client';
import type { BatchResult, ListPage, RecordValues } from '../../records/api';
import type { RecordData } from '../../records/extensions';

/** The pool API (core pools.ts), as the pool screens use it. */
export interface PoolListQuery {
  groupId?: string;
  /** Also held, abandoned and converted records (显示已领取、已转换、已废弃的…). */
  all: boolean;
  filter?: FilterNode;
  sort?: string;
  page: number;
  pageSize: number;
}

export interface PoolBatchInput {
  ids: string[];
  userId?: string;
  groupId?: string;
  reason?: string;
}

export interface PoolEventPage {
  items: PoolEvent[];
  /** Older events follow on the next page. */
  hasMore: boolean;
}

const base = (object: PoolObjectKey) => `/api/v1/pools/${object}`;

const listUrl = (object: PoolObjectKey, q: PoolListQuery) => {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
  if (q.groupId) params.set('groupId', q.groupId);
  if (q.all) params.set('all', 'true');
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.sort) params.set('sort', q.sort);
  return `${base(object)}/records?${params.toString()}`;
};

export const poolApi = {
  groups: (object: PoolObjectKey) => get<{ items: PoolGroup[] }>(`${base(object)}/groups`).then((r) => r.items),
  group: (object: PoolObjectKey, id: string) => get<PoolGroupDetail>(`${base(object)}/groups/${id}`),
  createGroup: (object: PoolObjectKey, input: PoolGroupInput) => post<PoolGroup>(`${base(object)}/groups`, input),
  updateGroup: (object: PoolObjectKey, id: string, version: number, input: PoolGroupInput) =>
    patch<PoolGroup>(`${base(object)}/groups/${id}`, { ...input, version }),
  deleteGroup: (object: PoolObjectKey, id: string) => del<void>(`${base(object)}/groups/${id}`),
  setMembers: (object: PoolObjectKey, id: string, members: PoolMemberInput[]) => put<unknown>(`${base(object)}/groups/${id}/members`, { members }),

  createRule: (object: PoolObjectKey, groupId: string, input: AssignRuleInput) => post<AssignRule>(`${base(object)}/groups/${groupId}/rules`, input),
  updateRule: (object: PoolObjectKey, groupId: string, id: string, version: number, input: AssignRuleInput) =>
    patch<AssignRule>(`${base(object)}/groups/${groupId}/rules/${id}`, { ...input, version }),
  deleteRule: (object: PoolObjectKey, groupId: string, id: string) => del<void>(`${base(object)}/groups/${groupId}/rules/${id}`),
  orderRules: (object: PoolObjectKey, groupId: string, ids: string[]) => put<unknown>(`${base(object)}/groups/${groupId}/rules-order`, { ids }),
  recyclePreview: (object: PoolObjectKey, groupId: string, days = 1) =>
    get<RecyclePreview>(`${base(object)}/groups/${groupId}/recycle-preview?days=${days}`),

  list: (object: PoolObjectKey, q: PoolListQuery) => get<ListPage>(listUrl(object, q)),
  create: (object: PoolObjectKey, values: RecordValues, idempotencyKey: string) =>
    api<RecordData>('POST', `${base(object)}/records`, values, { 'idempotency-key': idempotencyKey }),
  batch: (object: PoolObjectKey, action: PoolAction, input: PoolBatchInput) =>
    post<{ results: BatchResult[] }>(`${base(object)}/batch/${action}`, input).then((r) => r.results),
  /** 初始化公海池分组 (§3.5.12): records without a group join this one; the others answer why not. */
  initGroup: (object: PoolObjectKey, ids: string[], groupId: string) =>
    post<{ results: BatchResult[] }>(`${base(object)}/batch/init-group`, { ids, groupId }).then((r) => r.results),
  events: (object: PoolObjectKey, q: { groupId?: string; recordId?: string; page: number }) => {
    const params = new URLSearchParams({ page: String(q.page) });
    if (q.groupId) params.set('groupId', q.groupId);
    if (q.recordId) params.set('recordId', q.recordId);
    return get<PoolEventPage>(`${base(object)}/events?${params.toString()}`);
  },
  status: (object: PoolObjectKey, id: string) => get<PoolStatus>(`${base(object)}/records/${id}/pool-status`),
};

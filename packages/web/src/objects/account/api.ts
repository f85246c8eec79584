import { get, post } from '../../api/client';
import type { BatchResult, RecordValues } from '../../records/api';
import type { RecordData } from '../../records/extensions';

/** The account API (server objects/account/*.types.ts), as the 转移 and 合并 dialogs and the list marker use it. */
export interface TransferRelation {
  object: string;
  label: { zh: string; en: string };
  /** Every account field of the object is retired: the batch dialog still offers it (§3.5.8). */
  disabled: boolean;
}

/** Ids of the related records that moved, and how many stayed with someone else, by object key. */
export interface TransferOutcome {
  moved: Record<string, string[]>;
  kept: Record<string, number>;
}

export interface MergePreview {
  accounts: { record: RecordData; related: Record<string, number> }[];
  fields: { key: string; differs: boolean }[];
}

export interface MergeInput {
  masterId: string;
  otherIds: string[];
  values: RecordValues;
  versions: Record<string, number>;
}

export interface MergeResult {
  account: RecordData;
  merged: { id: string; name: string }[];
  moved: Record<string, number>;
}

export const accountApi = {
  transferRelations: () => get<{ items: TransferRelation[] }>('/api/v1/account/transfer-relations').then((r) => r.items),
  transfer: (id: string, ownerId: string, related: string[]) =>
    post<TransferOutcome & { record: RecordData }>(`/api/v1/account/${id}/transfer-with-related`, { ownerId, related }),
  batchTransfer: (ids: string[], ownerId: string, related: string[]) =>
    post<{ results: (BatchResult & Partial<TransferOutcome>)[] }>('/api/v1/account/batch/transfer-with-related', { ids, ownerId, related }).then((r) => r.results),
  mergePreview: (ids: string[]) => get<MergePreview>(`/api/v1/account/merge-preview?ids=${ids.join(',')}`),
  merge: (input: MergeInput) => post<MergeResult>('/api/v1/account/merge', input),
  opportunityMarks: (ids: string[]) => post<{ marks: { id: string; count: number }[] }>('/api/v1/account/opportunity-marks', { ids }).then((r) => r.marks),
};

import type { DedupeRules, DuplicateItem, DuplicateMark, DuplicateResult, MatchKind, RuleField } from '@yixiao/core';
import { get, post, put } from '../api/client';

/** Shapes of the dedupe API live in @yixiao/core (shared with the server). */
export type { DedupeRules, DuplicateItem as Duplicate, DuplicateMark, DuplicateResult, MatchKind, RuleField };

export const dedupeApi = {
  rules: (object: string) => get<DedupeRules>(`/api/v1/dedupe/rules/${object}`),
  saveRules: (object: string, rules: { enabled: boolean; fields: RuleField[] }) => put<DedupeRules>(`/api/v1/dedupe/rules/${object}`, rules),
  check: (object: string, values: Record<string, unknown>, excludeId?: string) =>
    post<DuplicateResult>(`/api/v1/${object}/dedupe/check`, { values, excludeId }),
  marks: (object: string, ids: string[]) => post<{ marks: DuplicateMark[] }>(`/api/v1/${object}/dedupe/marks`, { ids }).then((r) => r.marks),
  duplicates: (object: string, id: string) => get<DuplicateResult>(`/api/v1/${object}/${id}/duplicates`),
};

/** Objects a company may set rules for (server dedupe/rules.ts DEDUPE_OBJECTS). */
export const DEDUPE_OBJECTS = ['campaign', 'lead', 'account', 'contact', 'opportunity', 'product', 'partner', 'competitor', 'contract', 'order'];

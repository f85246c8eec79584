import type { Label } from '@yixiao/core';
import { get, post, put } from '../api/client';

/** Shapes of the dedupe API (server dedupe/dedupe.types.ts). */
export type MatchKind = 'exact' | 'fuzzy';

export interface RuleField {
  field: string;
  match: MatchKind;
  threshold?: number;
}

export interface DedupeRules {
  object: string;
  enabled: boolean;
  fields: RuleField[];
  isDefault: boolean;
}

export interface Duplicate {
  id: string;
  name: string | null;
  values: Record<string, string | null>;
  createdAt: string;
  ownerId: string | null;
  ownerName: string | null;
  status: string | null;
  score: number;
  matchedOn: string[];
}

export interface DuplicateResult {
  fields: { key: string; label: Label; match: MatchKind }[];
  items: Duplicate[];
  hidden: { count: number; capped: boolean; byField: Record<string, number> };
}

export interface DuplicateMark {
  id: string;
  visible: number;
  hidden: number;
}

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

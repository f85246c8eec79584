import { get, post } from '../../api/client';
import type { RecordValues } from '../../records/api';

/** The conversion API (server objects/lead/convert.types.ts), as the 转换销售线索 dialog uses it. */
export type ConvertSection = 'account' | 'contact' | 'opportunity';

export interface Suggestion {
  values: RecordValues;
  /** Names of referenced users and records (the suggested owner), by field key. */
  display: Record<string, string>;
}

export interface ConvertPreview {
  lead: { id: string; name: string; companyName: string; converted: boolean };
  account: Suggestion;
  contact: Suggestion;
  opportunity: Suggestion;
  /** An account the user may read named exactly as the lead's company: the conversion merges into it. */
  existingAccount: { id: string; name: string; ownerName: string | null } | null;
}

export interface ConvertInput {
  account: { mergeInto?: string; values?: RecordValues };
  contact: { values?: RecordValues };
  opportunity?: { values?: RecordValues };
}

export interface ConvertResult {
  lead: { id: string; version: number; status: string; convertedAt: string };
  account: { id: string; name: string; merged: boolean };
  contact: { id: string; name: string };
  opportunity: { id: string; name: string } | null;
  movedActivities: number;
}

export const leadConvertApi = {
  preview: (leadId: string) => get<ConvertPreview>(`/api/v1/lead/${leadId}/convert-preview`),
  convert: (leadId: string, input: ConvertInput) => post<ConvertResult>(`/api/v1/lead/${leadId}/convert`, input),
};

import type { AutonumberFormat, FieldType, Label, PicklistOption } from '@yixiao/core';
import { get, patch, post, put } from '../api/client';

/** Shapes of /api/v1/admin/objects/… as the server answers them (server metadata/admin/field.types.ts). */
export interface ObjectSummary {
  key: string;
  label: Label;
  standardFields: number;
  customFields: number;
  retiredFields: number;
}

export interface AdminField {
  key: string;
  label: Label;
  type: FieldType;
  custom: boolean;
  required: boolean;
  onCreate: boolean;
  readOnly: boolean;
  retired: boolean;
  maxLength: number | null;
  options: PicklistOption[] | null;
  lookup: string | null;
  autonumber: AutonumberFormat | null;
  indexed: boolean;
  /** What the server lets an administrator change on this field. */
  can: { required: boolean; onCreate: boolean; options: boolean; retire: boolean; maxLength: boolean; index: boolean };
}

/** An option as the editor holds it: `value` is set for options the server already has. */
export interface OptionDraft {
  value?: string;
  label: { zh: string; en?: string };
  enabled: boolean;
}

export interface NewField {
  key?: string;
  label: { zh: string; en?: string };
  type: FieldType;
  required: boolean;
  onCreate: boolean;
  options?: OptionDraft[];
  lookup?: string;
  maxLength?: number;
  autonumber?: Partial<AutonumberFormat>;
  indexed: boolean;
}

export type FieldChanges = Partial<Pick<NewField, 'label' | 'required' | 'onCreate' | 'autonumber' | 'indexed'>> & { maxLength?: number | null };

const base = (object: string) => `/api/v1/admin/objects/${object}/fields`;

export const metadataApi = {
  objects: () => get<{ items: ObjectSummary[] }>('/api/v1/admin/objects').then((r) => r.items),
  fields: (object: string) => get<{ items: AdminField[] }>(base(object)).then((r) => r.items),
  addField: (object: string, body: NewField) => post<AdminField>(base(object), body),
  updateField: (object: string, key: string, body: FieldChanges) => patch<AdminField>(`${base(object)}/${key}`, body),
  setOptions: (object: string, key: string, options: OptionDraft[]) => put<AdminField>(`${base(object)}/${key}/options`, { options }),
  retire: (object: string, key: string) => post<AdminField>(`${base(object)}/${key}/retire`),
  restore: (object: string, key: string) => post<AdminField>(`${base(object)}/${key}/restore`),
  order: (object: string, keys: string[]) => put<{ items: AdminField[] }>(`${base(object)}/order`, { keys }).then((r) => r.items),
};

/** Field and object metadata shared by server and web (DESIGN.md §3). */
export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'currency', 'percent', 'date', 'datetime', 'boolean', 'picklist',
  'multipicklist', 'lookup', 'user', 'department', 'phone', 'email', 'url', 'region', 'autonumber',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Label {
  zh: string;
  en: string;
}

/** A picklist option: `value` is what is stored and filtered on (the Chinese label by default). */
export interface PicklistOption {
  value: string;
  label: Label;
  enabled: boolean;
}

export interface AutonumberFormat {
  prefix: string;
  digits: number;
}

export interface FieldMeta {
  key: string;
  label: Label;
  type: FieldType;
  required: boolean;
  /** Shown on the create form (others are under "填写更多信息"). */
  onCreate: boolean;
  /** Standard fields are columns; custom ones live in the record's `custom` JSONB. */
  custom: boolean;
  /** Set by the system (created at, owner through transfer…): never accepted from a client write. */
  readOnly: boolean;
  /** Retired custom fields keep their data but leave forms, lists and filters. */
  retired: boolean;
  maxLength?: number;
  options?: PicklistOption[];
  /** For lookups: the object the value points to. */
  lookup?: string;
  /** For auto-numbers: the text before the counter and the counter's digits (KH-000001). */
  autonumber?: AutonumberFormat;
  unique?: boolean;
  /** Options come from the company's data (所属公海: its pool groups), not from the field settings. */
  dynamicOptions?: boolean;
  /** What a new record starts with when none is given (a picklist's first stage, …). */
  defaultValue?: unknown;
  /** Set at creation, then changed only by a business action (所属公海 by 改变分组, …). */
  createOnly?: boolean;
}

export interface ObjectMeta {
  key: string;
  label: Label;
  /** The field that names a record (shown as the link in lists, used by search). */
  nameField: string;
  /** Whether records have an owner (and so the visibility rules, transfer and team members). */
  owned: boolean;
  fields: FieldMeta[];
  /** Columns shown in a list before the user arranges their own. */
  defaultColumns: string[];
}

export const label = (meta: { label: Label }, locale: string) => (locale === 'en-US' ? meta.label.en : meta.label.zh);

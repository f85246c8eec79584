import type { FieldMeta, FieldType, ObjectMeta } from '@yixiao/core';
import { FILL_SOURCES, type FillSource } from './api';

/**
 * Which registry item may fill which kind of account field: the server's rule (registry/fill.ts),
 * here to offer only fields that can take the item. Text fields take any.
 */
const ACCEPTS: Partial<Record<FieldType, readonly FillSource[]>> = {
  text: FILL_SOURCES,
  textarea: FILL_SOURCES,
  phone: ['phone'],
  email: ['email'],
  url: ['website'],
  region: ['region'],
  picklist: ['industry', 'status', 'companyType'],
  date: ['establishedOn'],
};

/** Account fields that may be filled from `source`: writable, current, not the name. */
export function fieldsFor(account: ObjectMeta, source: FillSource): FieldMeta[] {
  return account.fields.filter((f) => !f.readOnly && !f.retired && !f.createOnly && f.key !== account.nameField && (ACCEPTS[f.type]?.includes(source) ?? false));
}

import { z } from 'zod';
import { FIELD_TYPES } from '@yixiao/core';
import { OBJECT_KEYS } from '../objects';
import { errorBody } from '../../platform/http/errors';

/** Request and response shapes of 系统设置 → 对象与字段 (/api/v1/admin/objects/…). */

export const CUSTOM_KEY = /^cf_[a-z0-9_]{1,40}$/;

const labelSchema = z.object({ zh: z.string(), en: z.string() });
const labelInput = z.object({
  zh: z.string().trim().min(1).max(50),
  en: z.string().trim().max(50).optional().describe('Defaults to the Chinese label'),
});

export const optionSchema = z.object({ value: z.string(), label: labelSchema, enabled: z.boolean() });
export const optionInput = z.object({
  value: z.string().trim().min(1).max(100).optional().describe('What records store; an existing option is named by its value, which never changes. New options default to the Chinese label'),
  label: z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().max(100).optional() }),
  enabled: z.boolean().default(true).describe('A disabled option stays on the records that have it but cannot be chosen anew'),
});
export type OptionInput = z.infer<typeof optionInput>;

export const autonumberSchema = z.object({
  prefix: z.string().max(20).regex(/^[^\s]*$/, 'no spaces').describe('Text before the counter, e.g. "KH-"'),
  digits: z.number().int().min(1).max(12).describe('Digits of the counter, zero-padded'),
});

export const objectParams = z.object({ object: z.enum(OBJECT_KEYS as [string, ...string[]]) });
export const fieldParams = objectParams.extend({ key: z.string().min(1).max(64) });

export const objectSummarySchema = z.object({
  key: z.string(),
  label: labelSchema,
  standardFields: z.number().int(),
  customFields: z.number().int().describe('Custom fields in use (not retired)'),
  retiredFields: z.number().int(),
});

export const adminFieldSchema = z.object({
  key: z.string(),
  label: labelSchema,
  type: z.enum(FIELD_TYPES),
  custom: z.boolean(),
  required: z.boolean(),
  onCreate: z.boolean(),
  readOnly: z.boolean(),
  retired: z.boolean(),
  maxLength: z.number().int().nullable(),
  options: z.array(optionSchema).nullable(),
  lookup: z.string().nullable(),
  autonumber: autonumberSchema.nullable(),
  indexed: z.boolean().describe('Lists filtering or sorting on this custom field use an index of its own'),
  can: z.object({
    required: z.boolean(), onCreate: z.boolean(), options: z.boolean(), retire: z.boolean(), maxLength: z.boolean(), index: z.boolean(),
  }).describe('What an administrator may change on this field'),
});
export type AdminField = z.infer<typeof adminFieldSchema>;

export const createFieldBody = z.object({
  key: z.string().max(43).optional().describe('cf_ followed by lower-case letters, digits or _; generated from the English label when absent'),
  label: labelInput,
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  onCreate: z.boolean().default(false),
  options: z.array(optionInput).max(500).optional().describe('For picklist and multipicklist, in display order'),
  lookup: z.enum(OBJECT_KEYS as [string, ...string[]]).optional().describe('For lookup: the object the field points to'),
  maxLength: z.number().int().optional().describe('For text, textarea, phone, email and url'),
  autonumber: autonumberSchema.partial().optional().describe('For autonumber: prefix and digits (default none and 6)'),
  indexed: z.boolean().default(false),
}).strict();
export type CreateFieldBody = z.infer<typeof createFieldBody>;

export const updateFieldBody = z.object({
  label: labelInput.optional(),
  required: z.boolean().optional(),
  onCreate: z.boolean().optional(),
  maxLength: z.number().int().nullable().optional(),
  autonumber: autonumberSchema.partial().optional(),
  indexed: z.boolean().optional(),
}).strict();
export type UpdateFieldBody = z.infer<typeof updateFieldBody>;

export const setOptionsBody = z.object({ options: z.array(optionInput).min(1).max(500) }).strict();
export const orderBody = z.object({ keys: z.array(z.string().max(64)).min(1).max(1000) }).strict();

export { errorBody };
export const writeErrors = { 400: errorBody, 404: errorBody, 409: errorBody };

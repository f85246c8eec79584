import { z } from 'zod';

/** Field values keyed by field key, as the record API takes them; the engine validates them by metadata. */
const values = z.record(z.string(), z.unknown());

export const CONVERT_SECTIONS = ['account', 'contact', 'opportunity'] as const;
export type ConvertSection = (typeof CONVERT_SECTIONS)[number];

/** 转换销售线索 (§3.3.7): what the dialog sends. Values left out fall back to what the lead suggests. */
export const convertBodySchema = z.object({
  account: z.object({
    mergeInto: z.guid().optional().describe('合并已有客户: an account the caller may read; its fields stay as they are'),
    values: values.optional().describe('The new account\'s fields; without mergeInto, an account the caller may read with exactly this name is merged into instead'),
  }).default({}),
  contact: z.object({ values: values.optional() }).default({}).describe('系统将自动创建此联系人: always created, linked to the account'),
  opportunity: z.object({ values: values.optional() }).optional().describe('创建销售机会: present to create one (account, lead, campaign and source are filled in)'),
}).meta({ id: 'LeadConvert' });
export type ConvertInput = z.infer<typeof convertBodySchema>;

const suggestion = z.object({
  values,
  display: z.record(z.string(), z.string()).describe('Names of the referenced users and records, by field key'),
});

export const convertPreviewSchema = z.object({
  lead: z.object({ id: z.guid(), name: z.string(), companyName: z.string(), converted: z.boolean() }),
  account: suggestion,
  contact: suggestion,
  opportunity: suggestion,
  existingAccount: z.object({ id: z.guid(), name: z.string(), ownerName: z.string().nullable() }).nullable()
    .describe('客户已存在，系统将自动合并: an account the caller may read named exactly as the lead\'s company'),
}).meta({ id: 'LeadConvertPreview' });
export type ConvertPreview = z.infer<typeof convertPreviewSchema>;

const made = z.object({ id: z.guid(), name: z.string() });

export const convertResultSchema = z.object({
  lead: z.object({ id: z.guid(), version: z.number().int(), status: z.string(), convertedAt: z.string() }),
  account: made.extend({ merged: z.boolean().describe('An existing account was used instead of making one') }),
  contact: made,
  opportunity: made.nullable(),
  movedActivities: z.number().int().describe('动态 of the lead now shown on the account'),
}).meta({ id: 'LeadConvertResult' });
export type ConvertResult = z.infer<typeof convertResultSchema>;

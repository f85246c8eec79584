import { z } from 'zod';

/** Shapes of 工商信息 (§3.5.2): a registered company, a suggestion, the settings and the fill rules. */

/** 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export const registryCompanySchema = z.object({
  creditCode: z.string().describe('统一社会信用代码 (18 characters)'),
  name: z.string().describe('企业名称'),
  legalRepresentative: z.string().nullable().describe('法定代表人'),
  registeredCapital: z.string().nullable().describe('注册资本, as registered ("1000万元人民币")'),
  establishedOn: z.string().nullable().describe('成立日期, YYYY-MM-DD'),
  status: z.string().nullable().describe('经营状态 (存续, 在业, 注销, 吊销 …)'),
  companyType: z.string().nullable().describe('企业类型'),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable().describe('注册地址'),
  phone: z.string().nullable().describe('电话'),
  email: z.string().nullable(),
  website: z.string().nullable().describe('网址'),
  industry: z.string().nullable().describe('行业'),
  businessScope: z.string().nullable().describe('经营范围'),
});
export type RegistryCompany = z.infer<typeof registryCompanySchema>;

/** What a suggestion list shows: enough to tell two similar names apart. */
export const suggestionSchema = registryCompanySchema.pick({ creditCode: true, name: true, legalRepresentative: true, status: true, address: true, establishedOn: true });
export type Suggestion = z.infer<typeof suggestionSchema>;

/** The registry attributes an account field may be filled from. `region` is 省/市/区 together. */
export const FILL_SOURCES = [
  'creditCode', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'status', 'companyType',
  'region', 'address', 'phone', 'email', 'website', 'industry', 'businessScope',
] as const;
export type FillSource = (typeof FILL_SOURCES)[number];

export const fillRuleSchema = z.object({ source: z.enum(FILL_SOURCES), target: z.string().min(1).max(64).describe('An account field key (standard or custom)') });
export type FillRule = z.infer<typeof fillRuleSchema>;

export const PROVIDERS = ['off', 'offline', 'http'] as const;
export const providerSchema = z.enum(PROVIDERS);

/** A provider's failure, answered softly: the form goes on without suggestions. */
export const softErrorSchema = z.object({ code: z.enum(['timeout', 'unavailable']), message: z.string() }).nullable();
export type SoftError = z.infer<typeof softErrorSchema>;

export const suggestResultSchema = z.object({
  provider: providerSchema,
  items: z.array(suggestionSchema),
  error: softErrorSchema.describe('Set when the provider was slow or failed: items is then empty and the form works on'),
});

/** The company with the account values it fills under the company's rules. */
export const companyResultSchema = z.object({
  company: registryCompanySchema,
  fill: z.record(z.string(), z.unknown()).describe('Account field values to fill, keyed by field key'),
});

/** The 工商信息 tab of an account: the registration of its name, or the names that come close. */
export const accountRegistrySchema = z.object({
  provider: providerSchema,
  company: registryCompanySchema.nullable(),
  fill: z.record(z.string(), z.unknown()),
  candidates: z.array(suggestionSchema),
  error: softErrorSchema,
});

export const publicConfigSchema = z.object({
  provider: providerSchema,
  fill: z.array(fillRuleSchema),
});

export const settingsSchema = z.object({
  provider: providerSchema,
  httpUrl: z.string().nullable(),
  httpKeySet: z.boolean(),
  httpKeyHint: z.string().nullable().describe('The key\'s last characters; the key itself is never sent back'),
  fill: z.array(fillRuleSchema),
  offline: z.object({
    count: z.number().int(),
    source: z.enum(['sample', 'file']).nullable(),
    fileName: z.string().nullable(),
    loadedAt: z.string().nullable(),
  }),
});
export type RegistrySettings = z.infer<typeof settingsSchema>;

export const settingsInputSchema = z.object({
  provider: providerSchema,
  httpUrl: z.string().trim().max(500).nullable().optional(),
  httpKey: z.string().max(500).nullable().optional().describe('Absent: keep the stored key; null or empty: remove it'),
  fill: z.array(fillRuleSchema).max(FILL_SOURCES.length),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export const loadResultSchema = z.object({ count: z.number().int(), source: z.enum(['sample', 'file']), fileName: z.string().nullable() });

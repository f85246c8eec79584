import { z } from 'zod';
import { MAX_RULE_FIELDS } from './rules';

const label = z.object({ zh: z.string(), en: z.string() });

export const ruleFieldSchema = z.object({
  field: z.string().min(1).max(100).describe('Field key, e.g. companyName'),
  match: z.enum(['exact', 'fuzzy']).describe('exact: same value after normalisation; fuzzy: trigram word similarity of the company-name keys, either way round'),
  threshold: z.number().min(0.1).max(1).optional().describe('Fuzzy only: similarity from which records count as duplicates (default 0.5)'),
}).meta({ id: 'DedupeRuleField' });

export const rulesInputSchema = z.object({
  enabled: z.boolean(),
  fields: z.array(ruleFieldSchema).max(MAX_RULE_FIELDS).describe('A record is a likely duplicate when any of these fields matches'),
});

export const rulesSchema = rulesInputSchema.extend({
  object: z.string(),
  isDefault: z.boolean().describe('True while the company uses the built-in rules'),
}).meta({ id: 'DedupeRules' });

export const checkBodySchema = z.object({
  values: z.record(z.string(), z.unknown()).describe('Field values as typed on the create form, keyed by field key'),
  excludeId: z.string().uuid().optional().describe('The record being edited, which is not its own duplicate'),
  limit: z.number().int().min(1).max(50).default(20),
});

export const duplicateSchema = z.object({
  id: z.string().uuid(),
  name: z.string().nullable(),
  values: z.record(z.string(), z.string().nullable()).describe('The name and compared fields, by field key'),
  createdAt: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.string().nullable(),
  score: z.number().describe('1 for an exact match, else the trigram word similarity'),
  matchedOn: z.array(z.string()).describe('Keys of the fields that matched'),
}).meta({ id: 'Duplicate' });

export const duplicateResultSchema = z.object({
  fields: z.array(z.object({ key: z.string(), label, match: z.enum(['exact', 'fuzzy']) })).describe('查看字段: the fields compared'),
  items: z.array(duplicateSchema).describe('Matches the caller may see, most similar first'),
  hidden: z.object({
    count: z.number().int().describe('Matches the caller may not see (capped at 100); their data is never returned'),
    capped: z.boolean(),
    byField: z.record(z.string(), z.number().int()).describe('Hidden matches per compared field'),
  }),
}).meta({ id: 'DuplicateResult' });

export const marksBodySchema = z.object({ ids: z.array(z.string().uuid()).min(1).max(200) });

export const marksSchema = z.object({
  marks: z.array(z.object({ id: z.string().uuid(), visible: z.number().int(), hidden: z.number().int() }))
    .describe('Only the given records (that the caller may see) with likely duplicates; counts stop at 5'),
});

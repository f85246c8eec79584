import { z } from 'zod';

/** At most this many accounts in one merge: the dialog shows them side by side. */
export const MAX_MERGE = 10;

export const mergeBodySchema = z.object({
  masterId: z.guid().describe('主记录: the account that remains'),
  otherIds: z.array(z.guid()).min(1).max(MAX_MERGE - 1).describe('The accounts merged into the master and then deleted'),
  values: z.record(z.string(), z.unknown()).default({})
    .describe('Field values the merged account keeps, by field key (fields of GET merge-preview); fields left out keep the master\'s value'),
  versions: z.record(z.string(), z.number().int()).describe('The version of every account as the caller read it, by id; a stale one answers 409'),
}).meta({ id: 'AccountMerge' });
export type MergeInput = z.infer<typeof mergeBodySchema>;

export const relatedCountsSchema = z.record(z.string(), z.number().int())
  .describe('Related records by kind: object keys pointing at the account (contact, opportunity, contract, order, lead …), task, activity (动态), file (文档), team (团队成员)');

export const mergePreviewQuery = z.object({
  ids: z.string().max(MAX_MERGE * 37).describe('Comma-separated ids of the accounts, two or more'),
});

export const mergePreviewSchema = z.object({
  accounts: z.array(z.object({
    record: z.record(z.string(), z.unknown()).describe('The account as GET /api/v1/account/<id> answers it, with its version'),
    related: relatedCountsSchema,
  })),
  fields: z.array(z.object({
    key: z.string(),
    differs: z.boolean().describe('The accounts hold different values'),
  })).describe('The fields whose value may be chosen, in form order; 所有人 and 所属部门 stay as on the master'),
}).meta({ id: 'AccountMergePreview' });

export const mergeResultSchema = z.object({
  account: z.record(z.string(), z.unknown()).describe('The merged account'),
  merged: z.array(z.object({ id: z.guid(), name: z.string() })).describe('The accounts merged in, now deleted'),
  moved: relatedCountsSchema.describe('Related records that moved to the master, by kind'),
}).meta({ id: 'AccountMergeResult' });
export type MergeResult = z.infer<typeof mergeResultSchema>;

import { z } from 'zod';
import { idsSchema } from '../../records/schemas';

const related = z.array(z.string().max(50)).max(20).default([])
  .describe('Object keys of the related records that follow the account (GET /api/v1/account/transfer-relations), e.g. ["contact","opportunity"]; none when empty');

export const transferBodySchema = z.object({ ownerId: z.guid(), related }).meta({ id: 'AccountTransfer' });
export const batchTransferBodySchema = z.object({ ids: idsSchema, ownerId: z.guid(), related }).meta({ id: 'AccountBatchTransfer' });

const moved = z.record(z.string(), z.array(z.guid())).describe('Ids of the related records that moved to the new owner, by object key');
const kept = z.record(z.string(), z.number().int()).describe('How many related records stayed with someone else (another owner, or a won/lost opportunity), by object key');

export interface TransferOutcome {
  record: Record<string, unknown>;
  moved: Record<string, string[]>;
  kept: Record<string, number>;
}

export const transferResultSchema = z.object({ record: z.record(z.string(), z.unknown()), moved, kept }).meta({ id: 'AccountTransferResult' });

export const batchTransferResultSchema = z.object({
  results: z.array(z.object({
    id: z.string(),
    ok: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    moved: moved.optional(),
    kept: kept.optional(),
  })),
}).meta({ id: 'AccountBatchTransferResult' });

export const transferRelationsSchema = z.object({
  items: z.array(z.object({
    object: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }),
    disabled: z.boolean().describe('Every account field of the object is retired (对于已经禁用的关联关系: shown in the batch dialog only)'),
  })),
}).meta({ id: 'AccountTransferRelations' });

import { z } from 'zod';

const labelSchema = z.object({ zh: z.string(), en: z.string() });
const inputLabel = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().max(100).optional() });
const kind = z.enum(['open', 'won', 'lost']).describe('open: 进行中; won: 赢单; lost: 输单');
const mode = z.enum(['simple', 'guided']).describe('simple: 可跳选阶段; guided: 可视化流程 (tasks and key fields, no skipping)');
const winRate = z.number().int().min(0).max(100).describe('赢率 in percent');

export const salesProcessInputSchema = z.object({
  mode,
  version: z.number().int().min(0).describe('The version read; 0 while the built-in process is in use'),
  stages: z.array(z.object({
    value: z.string().trim().min(1).max(100).optional().describe('An existing stage; new stages take their Chinese label as value'),
    label: inputLabel, kind, winRate, enabled: z.boolean(),
    keyFields: z.array(z.string().min(1).max(100)).max(30).describe('Opportunity fields to fill before leaving the stage (guided)'),
    tasks: z.array(z.object({
      id: z.guid().optional().describe('An existing task (keeps its ticks)'),
      title: z.string().trim().min(1).max(200),
      required: z.boolean(),
    })).max(30),
  })).min(3).max(30).describe('Open stages in order, with one won and one lost stage'),
  lostReasons: z.array(z.object({
    value: z.string().trim().min(1).max(100).optional(), label: inputLabel, enabled: z.boolean(),
  })).min(1).max(100),
}).meta({ id: 'SalesProcessWrite' });
export type SalesProcessBody = z.infer<typeof salesProcessInputSchema>;

export const salesProcessSchema = z.object({
  mode, version: z.number().int(),
  stages: z.array(z.object({
    value: z.string(), label: labelSchema, kind, winRate, enabled: z.boolean(), keyFields: z.array(z.string()),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), required: z.boolean() })),
  })),
  lostReasons: z.array(z.object({ value: z.string(), label: labelSchema, enabled: z.boolean() })),
}).meta({ id: 'SalesProcess' });

const stay = z.object({
  stage: z.string(), label: labelSchema, winRate: z.number().int(),
  enteredAt: z.string(), enteredBy: z.string().nullable(), enteredByName: z.string().nullable(),
  leftAt: z.string().nullable(), leftBy: z.string().nullable(), leftByName: z.string().nullable(), nextStage: z.string().nullable(),
});

export const stageProgressSchema = z.object({
  mode, current: z.string(), canEdit: z.boolean(),
  stages: z.array(z.object({
    value: z.string(), label: labelSchema, kind, winRate, enabled: z.boolean(), keyFields: z.array(z.string()), complete: z.boolean(),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), required: z.boolean(), done: z.boolean(), doneBy: z.string().nullable(), doneAt: z.string().nullable() })),
    keyFieldStates: z.array(z.object({ key: z.string(), label: labelSchema, filled: z.boolean() })),
  })),
  lostReasons: z.array(z.object({ value: z.string(), label: labelSchema, enabled: z.boolean() })),
  history: z.array(stay),
}).meta({ id: 'OpportunityStageProgress' });

export const moveStageBody = z.object({
  stage: z.string().min(1).max(100),
  lostReason: z.string().min(1).max(100).optional().describe('Required when the stage is the lost one (输单)'),
  version: z.number().int().optional().describe('The version read; the current one when left out'),
}).meta({ id: 'OpportunityStageMove' });

export const taskTickBody = z.object({ done: z.boolean() });

export const kanbanQuerySchema = z.object({
  filter: z.string().max(20_000).optional().describe('Filter tree as JSON, as for the list'),
  view: z.enum(['mine', 'team', 'all', 'stale7']).optional(),
  viewId: z.guid().optional(),
  sort: z.string().max(200).optional().describe('Order of the cards in each column (default -updatedAt)'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Cards per column'),
  stage: z.string().max(100).optional().describe('Only this column (to load more of its cards)'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

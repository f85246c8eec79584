import { z } from 'zod';
import { MAX_ASSIGN_CONDITIONS, POOL_OBJECTS } from '@yixiao/core';
import { filterConditionSchema } from '@yixiao/core';

export const objectParams = z.object({ object: z.enum(POOL_OBJECTS) });
export const groupParams = objectParams.extend({ groupId: z.guid() });
export const ruleParams = groupParams.extend({ ruleId: z.guid() });

const days = z.number().int().min(1).max(3650).nullable();
// Shapes, not schemas, are extended: an extended schema would carry the same component id into OpenAPI.
export const groupInputShape = {
  name: z.string().trim().min(1).max(100),
  everyone: z.boolean(),
  claimMode: z.enum(['claim', 'assign']).describe('claim: 销售人员自行领取; assign: 分组管理员手动分配'),
  previewAllowed: z.boolean().describe('Members may open records before claiming them'),
  maxHeld: z.number().int().min(1).max(100_000).nullable().describe('每人最多持有; null: no limit'),
  membersMayMove: z.boolean(),
  recycleIdleDays: days.describe('Back to the pool after this many days without a 动态'),
  recycleUnconvertedDays: days.describe('Back to the pool this many days after claiming when not converted (leads) / not won (accounts)'),
};
export const groupInputSchema = z.object(groupInputShape);

export const groupSchema = z.object({
  ...groupInputShape,
  id: z.string(), object: z.enum(POOL_OBJECTS), isDefault: z.boolean(), version: z.number().int(),
  canAdminister: z.boolean(), poolCount: z.number().int(),
}).meta({ id: 'PoolGroup' });

const targetSchema = z.object({ type: z.enum(['user', 'department']), id: z.guid() });
export const ruleInputShape = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  conditions: z.array(filterConditionSchema).max(MAX_ASSIGN_CONDITIONS).describe('All must hold; returnedCount is 退回次数'),
  targets: z.array(targetSchema).min(1).max(200).describe('Users and departments (用户组), assigned in turn in this order'),
};
export const ruleInputSchema = z.object(ruleInputShape);

export const ruleSchema = z.object({
  ...ruleInputShape,
  id: z.string(), position: z.number().int(), version: z.number().int(), targetNames: z.array(z.string()),
}).meta({ id: 'AssignRule' });

export const memberSchema = z.object({ userId: z.string(), isAdmin: z.boolean(), name: z.string(), departmentName: z.string().nullable() });

export const groupDetailSchema = z.object({ ...groupSchema.shape, members: z.array(memberSchema), rules: z.array(ruleSchema) }).meta({ id: 'PoolGroupDetail' });

export const eventSchema = z.object({
  id: z.string(), recordId: z.string(), recordName: z.string().nullable(), kind: z.string(),
  actorId: z.string().nullable(), actorName: z.string().nullable(), fromOwnerName: z.string().nullable(), toOwnerName: z.string().nullable(),
  fromGroupName: z.string().nullable(), toGroupName: z.string().nullable(), detail: z.record(z.string(), z.unknown()), at: z.string(),
}).meta({ id: 'PoolEvent' });

export const statusSchema = z.object({
  groupId: z.string().nullable(), groupName: z.string().nullable(), state: z.enum(['pool', 'held', 'abandoned']),
  claimedAt: z.string().nullable(), returnedCount: z.number().int(),
  recycle: z.object({ rule: z.enum(['idle', 'unconverted']), days: z.number().int(), dueAt: z.string(), daysLeft: z.number().int() }).nullable(),
}).meta({ id: 'PoolStatus' });

export const previewSchema = z.object({
  until: z.string(),
  items: z.array(z.object({
    id: z.string(), name: z.string(), ownerId: z.string(), ownerName: z.string(), rule: z.enum(['idle', 'unconverted']), days: z.number().int(), dueAt: z.string(),
  })),
}).meta({ id: 'RecyclePreview' });

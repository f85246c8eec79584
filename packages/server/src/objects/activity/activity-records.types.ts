import { z } from 'zod';

/** The type a completed task carries in 活动记录, beside the activity types of the 活动类型 picklist. */
export const TASK_TYPE = 'task';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** 活动记录 filters (§3.7.7, §4.5): days are inclusive, in the company's time zone. */
export const activityRecordsFilterSchema = z.object({
  from: day.optional().describe('First day (inclusive), in the company time zone'),
  to: day.optional().describe('Last day (inclusive), in the company time zone'),
  type: z.string().min(1).max(100).optional().describe(`An activity type (活动类型), or "${TASK_TYPE}" for completed tasks`),
  personId: z.uuid().optional().describe('The poster of an activity, the assignee of a task'),
  departmentId: z.uuid().optional().describe('People in this department or any department under it'),
});
export type ActivityRecordsFilter = z.infer<typeof activityRecordsFilterSchema>;

export const activityRecordsQuerySchema = activityRecordsFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const activityRecordSchema = z.object({
  kind: z.enum(['activity', 'task']),
  id: z.string(),
  /** 活动类型 of an activity; "task" for a completed task. */
  type: z.string(),
  /** Sanitised HTML of an activity; a task's subject as plain text. */
  content: z.string(),
  occurredAt: z.string(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  source: z.object({ object: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export const activityRecordsPageSchema = z.object({ items: z.array(activityRecordSchema), total: z.number().int() });

export const rankingSchema = z.object({
  items: z.array(z.object({
    person: z.object({ id: z.string(), name: z.string() }),
    department: z.object({ id: z.string(), name: z.string() }).nullable(),
    count: z.number().int(),
  })),
});

import { z } from 'zod';
import { STANDARD_OBJECTS } from '../../metadata/objects';

/** Records a task can hang on (任务日程 tab): every owned business object but activities and tasks. */
export const TASK_PARENTS = STANDARD_OBJECTS.filter((o) => o.owned && o.key !== 'activity' && o.key !== 'task');

/** The 状态 option that means done; the others (未开始, 进行中) are open. */
export const DONE = '已完成';
export const REOPENED = '进行中';

const when = z.iso.datetime({ offset: true }).nullish();

export const newTaskSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  dueAt: when,
  /** When to remind the assignee: a 待办 notification, and an email if they subscribed to task_due. */
  remindAt: when,
  /** Anyone active in the company; myself when absent. */
  assigneeId: z.uuid().optional(),
  /** An enabled option of the task object's 优先级 picklist. */
  priority: z.string().max(50).optional(),
  description: z.string().trim().max(4000).optional(),
});
export type NewTask = z.infer<typeof newTaskSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const taskItemSchema = z.object({
  id: z.string(),
  subject: z.string(),
  status: z.string(),
  done: z.boolean(),
  overdue: z.boolean(),
  priority: z.string().nullable(),
  dueAt: z.string().nullable(),
  remindAt: z.string().nullable(),
  description: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  assignee: person.nullable(),
  creator: person.nullable(),
  /** The record the task is on; its name only when the caller may read that record. */
  related: z.object({ object: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
  commentCount: z.number().int(),
  fileCount: z.number().int(),
  /** Whether the caller may complete or reopen it (assignee, creator, their superiors, administrators). */
  canChange: z.boolean(),
});
export type TaskItem = z.infer<typeof taskItemSchema>;

export const TASK_STATUS_FILTERS = ['open', 'overdue', 'done', 'all'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export const recordTasksQuery = z.object({ status: z.enum(TASK_STATUS_FILTERS).default('all') });
export const myTasksQuery = z.object({
  status: z.enum(TASK_STATUS_FILTERS).default('open'),
  /** assigned: given to me; created: given by me to others; all: both. */
  role: z.enum(['all', 'assigned', 'created']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MyTasksQuery = z.infer<typeof myTasksQuery>;

export const commentSchema = z.object({
  id: z.string(),
  content: z.string(),
  author: z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export const newCommentSchema = z.object({ content: z.string().trim().min(1).max(2000) });

export { errorBody } from '../../platform/http/errors';

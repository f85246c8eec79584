import { z } from 'zod';
import { STANDARD_OBJECTS } from '../../metadata/objects';

/** Records a 动态 can be posted on: every owned business object (an activity or a task is not followed up). */
export const FEED_OBJECTS = STANDARD_OBJECTS.filter((o) => o.owned && o.key !== 'activity' && o.key !== 'task');

export const MAX_ATTACHMENTS = 9;
export const MAX_MENTIONS = 50;

export const newActivitySchema = z.object({
  /** An enabled option of the 活动记录 object's 活动类型 picklist (系统设置 → 对象与字段). */
  type: z.string().min(1).max(100),
  /** HTML (sanitised: an allow-list of tags, no script, no event handlers, no javascript: links) or plain text. */
  content: z.string().max(100_000).default(''),
  /** When it happened, if not now (a visit written up in the evening). */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** Ids of files uploaded through …/activities/attachments by the poster. */
  attachments: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
  /** Colleagues to notify (@). */
  mentions: z.array(z.uuid()).max(MAX_MENTIONS).default([]),
});
export type NewActivity = z.infer<typeof newActivitySchema>;

const attachmentSchema = z.object({
  id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), isImage: z.boolean(), url: z.string(),
});

export const activityItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  content: z.string().describe('Sanitised HTML'),
  occurredAt: z.string(),
  createdAt: z.string(),
  poster: z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  attachments: z.array(attachmentSchema),
  /** The record it was posted on: this one, or (on an account) one of its contacts, opportunities, contracts or orders. */
  source: z.object({ object: z.string(), id: z.string(), name: z.string().nullable() }),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const feedQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const feedPageSchema = z.object({ items: z.array(activityItemSchema), total: z.number().int() });
export const pendingAttachmentSchema = attachmentSchema;
export { errorBody } from '../../platform/http/errors';

import { NOTIFICATION_KINDS } from '@yixiao/core';
import { z } from 'zod';

/** Request and response shapes of the notification and announcement routes (they feed OpenAPI). */
export { errorBody } from '../http/errors';
export const idParams = z.object({ id: z.uuid() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
/** In-app paths only ("/…", never "//host"), so a link can never send a user to another site. */
export const inAppLink = z.string().max(500).regex(/^\/(?!\/)/, 'an in-app path starting with /');

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const inboxQuery = z.object({
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  unread: z.stringbool().optional().describe('true: unread only'),
  ...pageQuery,
});
export const inboxPage = z.object({ items: z.array(notificationSchema), total: z.number().int(), unread: z.number().int() });
export const unreadBody = z.object({ unread: z.number().int() });

export const reminderSchema = z.object({
  id: z.uuid(), title: z.string(), body: z.string(), link: z.string().nullable(), remindAt: z.string(), createdAt: z.string(),
});
export const newReminder = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(2000).default(''),
  link: inAppLink.nullable().default(null),
  remindAt: z.iso.datetime({ offset: true }).describe('When to remind, ISO 8601 with time zone'),
});

export const announcementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  authorId: z.uuid(),
  authorName: z.string(),
  createdAt: z.string(),
});
export const newAnnouncement = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  departmentId: z.uuid().nullable().default(null).describe('Null: the whole company; else that department and all below it'),
});
export const announcementPage = z.object({ items: z.array(announcementSchema), total: z.number().int() });
export const audienceDepartment = z.object({ id: z.uuid(), name: z.string(), parentId: z.uuid().nullable(), members: z.number().int() });

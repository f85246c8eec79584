import type { NotificationKind } from '@yixiao/core';
import { del, get, post } from '../api/client';

/** The notification-centre API as the server answers it. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
export interface InboxPage {
  items: AppNotification[];
  total: number;
  unread: number;
}
export interface Reminder {
  id: string;
  title: string;
  body: string;
  link: string | null;
  remindAt: string;
  createdAt: string;
}
export interface Announcement {
  id: string;
  title: string;
  body: string;
  departmentId: string | null;
  departmentName: string | null;
  authorId: string;
  authorName: string;
  createdAt: string;
}
export interface AudienceDepartment {
  id: string;
  name: string;
  parentId: string | null;
  members: number;
}

export interface InboxFilter {
  kind?: NotificationKind;
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const notificationsApi = {
  list: (filter: InboxFilter = {}) => get<InboxPage>(`/api/v1/notifications${query({ ...filter })}`),
  unreadCount: () => get<{ unread: number }>('/api/v1/notifications/unread-count'),
  markRead: (id: string) => post<{ unread: number }>(`/api/v1/notifications/${id}/read`),
  markAllRead: (kind?: NotificationKind) => post<{ unread: number }>('/api/v1/notifications/read-all', kind ? { kind } : {}),
  reminders: () => get<{ items: Reminder[] }>('/api/v1/notifications/reminders'),
  remind: (input: { title: string; body: string; remindAt: string }) => post<Reminder>('/api/v1/notifications/reminders', input),
  cancelReminder: (id: string) => del<void>(`/api/v1/notifications/reminders/${id}`),
};

export const announcementsApi = {
  mine: (page = 1, pageSize = 20) => get<{ items: Announcement[]; total: number }>(`/api/v1/announcements${query({ page, pageSize })}`),
  all: (page = 1, pageSize = 20) => get<{ items: Announcement[]; total: number }>(`/api/v1/announcements/all${query({ page, pageSize })}`),
  one: (id: string) => get<Announcement>(`/api/v1/announcements/${id}`),
  departments: () => get<{ items: AudienceDepartment[] }>('/api/v1/announcements/departments'),
  post: (input: { title: string; body: string; departmentId: string | null }) =>
    post<{ announcement: Announcement; recipients: number }>('/api/v1/announcements', input),
};

import type { ObjectMeta } from '@yixiao/core';
import { del, get, post } from '../../api/client';

/** Shapes of the detail tabs' API (server objects/activity, objects/task, records/files-routes, records/history-routes). */
export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  isImage: boolean;
  url: string;
}

export interface ActivityItem {
  id: string;
  type: string;
  /** HTML the server sanitised (allow-listed tags, no script or handlers). */
  content: string;
  occurredAt: string;
  createdAt: string;
  poster: { id: string; name: string; avatarUrl: string | null } | null;
  attachments: Attachment[];
  source: { object: string; id: string; name: string | null };
}

export interface NewActivity {
  type: string;
  content: string;
  attachments: string[];
  mentions: string[];
}

export interface RecordFile extends Attachment {
  addedBy: { id: string; name: string } | null;
  addedAt: string;
}

export interface TaskItem {
  id: string;
  subject: string;
  status: string;
  done: boolean;
  overdue: boolean;
  priority: string | null;
  dueAt: string | null;
  remindAt: string | null;
  description: string | null;
  completedAt: string | null;
  createdAt: string;
  assignee: { id: string; name: string } | null;
  creator: { id: string; name: string } | null;
  related: { object: string; id: string; name: string | null } | null;
  commentCount: number;
  fileCount: number;
  canChange: boolean;
}

export interface NewTask {
  subject: string;
  assigneeId?: string;
  dueAt?: string | null;
  remindAt?: string | null;
  priority?: string;
  description?: string;
}

export type TaskStatusFilter = 'open' | 'overdue' | 'done' | 'all';
export type TaskRole = 'all' | 'assigned' | 'created';

export interface TaskComment {
  id: string;
  content: string;
  author: { id: string; name: string; avatarUrl: string | null } | null;
  createdAt: string;
}

export interface HistoryItem {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  changes: { field: string; label: string; oldText: string | null; newText: string | null }[];
}

export interface PickedUser {
  id: string;
  name: string;
  departmentName: string;
  avatarUrl: string | null;
}

const recordUrl = (object: string, id: string) => `/api/v1/${object}/${id}`;
const upload = <T>(url: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return post<T>(url, form);
};

export const tabsApi = {
  objectMeta: (object: string) => get<ObjectMeta>(`/api/v1/metadata/objects/${object}`),
  pickUsers: (keyword: string) =>
    get<{ items: PickedUser[] }>(`/api/v1/org/picker/users?${new URLSearchParams({ keyword, limit: '20' }).toString()}`).then((r) => r.items),

  activities: (object: string, id: string, page: number, pageSize = 20) =>
    get<{ items: ActivityItem[]; total: number }>(`${recordUrl(object, id)}/activities?page=${page}&pageSize=${pageSize}`),
  postActivity: (object: string, id: string, body: NewActivity) => post<ActivityItem>(`${recordUrl(object, id)}/activities`, body),
  uploadAttachment: (object: string, id: string, file: File) => upload<Attachment>(`${recordUrl(object, id)}/activities/attachments`, file),

  files: (baseUrl: string) => get<{ items: RecordFile[] }>(baseUrl).then((r) => r.items),
  uploadFile: (baseUrl: string, file: File) => upload<RecordFile>(baseUrl, file),
  deleteFile: (baseUrl: string, fileId: string) => del<void>(`${baseUrl}/${fileId}`),

  history: (object: string, id: string, page: number) =>
    get<{ items: HistoryItem[]; total: number }>(`${recordUrl(object, id)}/history?page=${page}&pageSize=50`),

  recordTasks: (object: string, id: string) => get<{ items: TaskItem[] }>(`${recordUrl(object, id)}/tasks`).then((r) => r.items),
  createTask: (object: string, id: string, body: NewTask) => post<TaskItem>(`${recordUrl(object, id)}/tasks`, body),
  myTasks: (status: TaskStatusFilter, role: TaskRole, page: number, pageSize = 20) =>
    get<{ items: TaskItem[]; total: number; counts: Record<TaskStatusFilter, number> }>(
      `/api/v1/me/tasks?${new URLSearchParams({ status, role, page: String(page), pageSize: String(pageSize) }).toString()}`),
  setDone: (taskId: string, done: boolean) => post<TaskItem>(`/api/v1/task/${taskId}/${done ? 'complete' : 'reopen'}`),
  comments: (taskId: string) => get<{ items: TaskComment[] }>(`/api/v1/task/${taskId}/comments`).then((r) => r.items),
  addComment: (taskId: string, content: string) => post<TaskComment>(`/api/v1/task/${taskId}/comments`, { content }),
};

export const taskFilesUrl = (taskId: string) => `/api/v1/task/${taskId}/files`;
export const recordFilesUrl = (object: string, id: string) => `${recordUrl(object, id)}/files`;

/** "1.2 MB", "35 KB". */
export const formatSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`);

import type { DetailTab } from '../extensions';
import { ActivityTab } from './activity/ActivityTab';
import { FilesTab } from './files/FilesTab';
import { HistoryTab } from './history/HistoryTab';
import { TaskTab } from './task/TaskTab';

/** Records a 动态 or a task hangs on: the owned business objects (server: objects/activity FEED_OBJECTS). */
const FOLLOWED_UP = ['campaign', 'lead', 'account', 'contact', 'opportunity', 'contract', 'order'];
const ALL_OBJECTS = [...FOLLOWED_UP, 'product', 'partner', 'competitor', 'activity', 'task'];

/** The record detail tabs every object shares: 动态, 任务日程, 文档, 操作记录. */
export const recordTabs: DetailTab[] = [
  { key: 'activity', labelKey: 'activity.tab', order: 10, objects: FOLLOWED_UP, render: (p) => <ActivityTab {...p} /> },
  // §3.5.6: an account's 联系人, 销售机会 and 合同 (related lists, 40) come before its 任务.
  { key: 'tasks', labelKey: 'task.tab', order: 42, objects: FOLLOWED_UP, render: (p) => <TaskTab {...p} /> },
  // An activity's pictures and documents belong to the activity itself, shown in its feed.
  { key: 'files', labelKey: 'activity.files.tab', order: 50, objects: [...FOLLOWED_UP, 'task'], render: (p) => <FilesTab {...p} /> },
  { key: 'history', labelKey: 'activity.history.tab', order: 60, objects: ALL_OBJECTS, render: (p) => <HistoryTab {...p} /> },
];

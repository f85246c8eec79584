import type { TFunction } from 'i18next';
import type { HistoryItem } from '../api';

/** Actions whose one change reads as a sentence of its own ("张三 上传了文档 报价单.pdf"). */
const EVENTS = new Set(['team_add', 'team_remove', 'activity_add', 'task_add', 'task_done', 'file_add', 'file_remove', 'comment_add']);

/**
 * The lines of one operation-log entry: "张三 把 跟进状态 从 未处理 改为 已联系" per changed field,
 * one line for creating or deleting, one for the tabs' events.
 */
export function historyLines(item: HistoryItem, objectLabel: string, t: TFunction): string[] {
  const actor = item.actor?.name ?? t('activity.history.system');
  if (item.action === 'create' || item.action === 'delete') return [t(`activity.history.${item.action}`, { actor, object: objectLabel })];
  if (EVENTS.has(item.action)) {
    const change = item.changes[0];
    return [t(`activity.history.${item.action}`, { actor, value: change?.newText ?? change?.oldText ?? '' })];
  }
  if (item.changes.length === 0) return [t('activity.history.other', { actor, action: item.action })];
  const blank = t('activity.history.blank');
  return item.changes.map((c) => t('activity.history.change', { actor, field: c.label, old: c.oldText ?? blank, new: c.newText ?? blank }));
}

import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'task.bad_assignee': { zh: '执行人不存在或已停用', en: 'The assignee does not exist or is disabled' },
  'task.bad_priority': { zh: '优先级“{priority}”不存在或已停用', en: 'Priority "{priority}" does not exist or is disabled' },
  'task.not_yours': { zh: '只有执行人、创建人及其上级可以完成或重新打开任务', en: 'Only the assignee, the creator and their superiors may complete or reopen a task' },
  'task.assigned': { zh: '{actor} 给你安排了任务：{subject}', en: '{actor} gave you a task: {subject}' },
  'task.due_line': { zh: '截止时间：{due}', en: 'Due: {due}' },
  'task.related_line': { zh: '关联{object}：{name}', en: 'On {object}: {name}' },
  'task.reminder': { zh: '任务提醒：{subject}', en: 'Task reminder: {subject}' },
  'task.completed': { zh: '{actor} 完成了任务：{subject}', en: '{actor} completed the task: {subject}' },
  'task.commented': { zh: '{actor} 评论了任务：{subject}', en: '{actor} commented on the task: {subject}' },
});

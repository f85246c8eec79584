import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 任务日程 (§3.3.7): for oneself or others, on any record. The owner is the assignee. */
export const task: StandardObject = {
  key: 'task', table: 'tasks', label: { zh: '任务', en: 'Task' }, nameField: 'subject', owned: true,
  searchFields: ['subject'],
  defaultColumns: ['subject', 'status', 'priority', 'dueAt', 'ownerId'],
  fields: [
    field('subject', '主题', 'Subject', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('dueAt', '截止时间', 'Due', 'datetime', { onCreate: true }),
    field('remindAt', '提醒时间', 'Remind at', 'datetime', { onCreate: true }),
    field('status', '状态', 'Status', 'picklist', { required: true, defaultValue: '未开始', options: options(['未开始', 'Not started'], ['进行中', 'In progress'], ['已完成', 'Done']) }),
    field('priority', '优先级', 'Priority', 'picklist', { onCreate: true, defaultValue: '中', options: options(['高', 'High'], ['中', 'Normal'], ['低', 'Low']) }),
    field('relatedObject', '关联对象', 'Related object', 'text', { readOnly: true }),
    field('relatedId', '关联记录', 'Related record', 'text', { readOnly: true }),
    field('description', '描述', 'Description', 'textarea', { onCreate: true, maxLength: 4000 }),
    field('completedAt', '完成时间', 'Completed', 'datetime', { readOnly: true }),
    ...ownedRecordFields({ zh: '执行人', en: 'Assignee' }),
  ],
};

import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 活动记录 (§3.5.9, §4.5): what a rep posts on a record's 动态 tab. The owner is the poster. */
export const activity: StandardObject = {
  key: 'activity', table: 'activities', label: { zh: '活动记录', en: 'Activity' }, nameField: 'content', owned: true,
  searchFields: [],
  defaultColumns: ['type', 'content', 'relatedObject', 'occurredAt', 'ownerId'],
  fields: [
    field('type', '活动类型', 'Type', 'picklist', { required: true, onCreate: true, defaultValue: '电话', options: options(['电话', 'Call'], ['拜访', 'Visit'], ['邮件', 'Email'], ['会议', 'Meeting'], ['其他', 'Other']) }),
    field('content', '内容', 'Content', 'textarea', { required: true, onCreate: true, maxLength: 20000 }),
    field('relatedObject', '关联对象', 'Related object', 'text', { readOnly: true }),
    field('relatedId', '关联记录', 'Related record', 'text', { readOnly: true }),
    field('occurredAt', '活动时间', 'When', 'datetime', { onCreate: true }),
    ...ownedRecordFields({ zh: '记录人', en: 'Posted by' }),
  ],
};

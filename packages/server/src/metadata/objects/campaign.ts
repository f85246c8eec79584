import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 市场活动 (§3.1). 参与人数 in the results panel is 实际人数. */
export const campaign: StandardObject = {
  key: 'campaign', table: 'campaigns', label: { zh: '市场活动', en: 'Campaign' }, nameField: 'name', owned: true,
  searchFields: ['name'],
  defaultColumns: ['name', 'type', 'status', 'startDate', 'endDate', 'actualCost', 'ownerId'],
  fields: [
    field('name', '活动名称', 'Name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('type', '活动类型', 'Type', 'picklist', { onCreate: true, options: options(['会议', 'Conference'], ['展会', 'Trade show'], ['网络推广', 'Online promotion'], ['广告', 'Advertising'], ['邮件营销', 'Email marketing'], ['其他', 'Other']) }),
    field('status', '活动状态', 'Status', 'picklist', { onCreate: true, defaultValue: '计划中', options: options(['计划中', 'Planned'], ['进行中', 'In progress'], ['已完成', 'Completed'], ['已取消', 'Cancelled']) }),
    field('startDate', '开始日期', 'Start date', 'date', { onCreate: true }),
    field('endDate', '结束日期', 'End date', 'date', { onCreate: true }),
    field('budgetCost', '预算成本', 'Budgeted cost', 'currency'),
    field('actualCost', '实际成本', 'Actual cost', 'currency'),
    field('expectedAttendees', '预计人数', 'Expected attendees', 'number'),
    field('actualAttendees', '实际人数', 'Actual attendees', 'number'),
    field('expectedRevenue', '预期收入', 'Expected revenue', 'currency'),
    field('description', '活动描述', 'Description', 'textarea', { maxLength: 4000 }),
    ...ownedRecordFields({ zh: '活动负责人', en: 'Owner' }),
  ],
};

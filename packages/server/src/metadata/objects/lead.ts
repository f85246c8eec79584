import { field, options, ownedRecordFields, poolGroupField, poolStateField, type StandardObject } from '../define';

export const LEAD_STATUSES = ['未处理', '已联系', '关闭'] as const;

/** 销售线索 (§3.3). The create form of §3.3.1: 公司名称, 所有人, 姓名, 性别, 手机, 市场活动, 备注, 行业, 所属部门. */
export const lead: StandardObject = {
  key: 'lead', table: 'leads', label: { zh: '销售线索', en: 'Lead' }, nameField: 'name', owned: true,
  searchFields: ['name', 'companyName', 'mobile', 'phone', 'email'],
  defaultColumns: ['name', 'companyName', 'phone', 'title', 'status', 'mobile', 'email', 'createdAt', 'ownerId', 'poolGroupId'],
  fields: [
    field('name', '姓名', 'Name', 'text', { required: true, onCreate: true, maxLength: 100 }),
    field('companyName', '公司名称', 'Company', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('gender', '性别', 'Gender', 'picklist', { onCreate: true, options: options(['男', 'Male'], ['女', 'Female']) }),
    field('mobile', '手机', 'Mobile', 'phone', { onCreate: true, maxLength: 40 }),
    field('phone', '电话', 'Phone', 'phone', { maxLength: 40 }),
    field('title', '职务', 'Title', 'text', { maxLength: 100 }),
    field('email', '电子邮件', 'Email', 'email', { maxLength: 200 }),
    field('campaignId', '市场活动', 'Campaign', 'lookup', { onCreate: true, lookup: 'campaign' }),
    // 已转换 is set by 转为客户 only: a disabled option nobody can choose, which a converted lead keeps.
    field('status', '跟进状态', 'Status', 'picklist', {
      required: true, defaultValue: '未处理',
      options: [...options(['未处理', 'New'], ['已联系', 'Contacted'], ['关闭', 'Closed']), { value: '已转换', label: { zh: '已转换', en: 'Converted' }, enabled: false }],
    }),
    field('source', '线索来源', 'Source', 'picklist', { options: options(['市场活动', 'Campaign'], ['网站', 'Website'], ['电话咨询', 'Inbound call'], ['客户介绍', 'Referral'], ['展会', 'Trade show'], ['其他', 'Other']) }),
    field('industry', '行业', 'Industry', 'picklist', { onCreate: true, options: INDUSTRIES() }),
    field('address', '地址', 'Address', 'text', { maxLength: 300 }),
    field('postcode', '邮政编码', 'Postcode', 'text', { maxLength: 20 }),
    field('remark', '备注', 'Notes', 'textarea', { onCreate: true, maxLength: 4000 }),
    poolGroupField(),
    poolStateField(),
    field('returnedCount', '退回次数', 'Times returned', 'number', { readOnly: true }),
    field('claimedAt', '认领日期', 'Claimed', 'datetime', { readOnly: true }),
    field('convertedAt', '转换日期', 'Converted', 'datetime', { readOnly: true }),
    field('convertedAccountId', '转换的客户', 'Converted account', 'lookup', { readOnly: true, lookup: 'account' }),
    field('convertedContactId', '转换的联系人', 'Converted contact', 'lookup', { readOnly: true, lookup: 'contact' }),
    field('convertedOpportunityId', '转换的销售机会', 'Converted opportunity', 'lookup', { readOnly: true, lookup: 'opportunity' }),
    ...ownedRecordFields({ zh: '销售线索所有人', en: 'Lead owner' }),
  ],
};

export function INDUSTRIES() {
  return options(['信息技术', 'IT'], ['制造业', 'Manufacturing'], ['金融', 'Finance'], ['教育', 'Education'], ['医疗', 'Healthcare'],
    ['零售', 'Retail'], ['房地产', 'Real estate'], ['物流', 'Logistics'], ['能源', 'Energy'], ['政府', 'Government'], ['其他', 'Other']);
}

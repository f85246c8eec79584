import { field, options, ownedRecordFields, type StandardObject, poolGroupField, poolStateField } from '../define';
import { INDUSTRIES } from './lead';

/** 客户 (§3.5): 客户名称 with 查重, 省/市/区, 详细地址, 电话, "展开更多信息". */
export const account: StandardObject = {
  key: 'account', table: 'accounts', label: { zh: '客户', en: 'Account' }, nameField: 'name', owned: true,
  searchFields: ['name', 'phone'],
  defaultColumns: ['name', 'level', 'industry', 'phone', 'region', 'lastActivityAt', 'ownerId'],
  fields: [
    field('name', '客户名称', 'Account name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('level', '客户级别', 'Level', 'picklist', { onCreate: true, options: options(['重点客户', 'Key account'], ['普通客户', 'Regular'], ['非优先客户', 'Low priority']) }),
    field('industry', '行业', 'Industry', 'picklist', { onCreate: true, options: INDUSTRIES() }),
    field('region', '省/市/区', 'Region', 'region', { onCreate: true }),
    field('address', '详细地址', 'Address', 'text', { onCreate: true, maxLength: 300 }),
    field('phone', '电话', 'Phone', 'phone', { onCreate: true, maxLength: 40 }),
    field('website', '网址', 'Website', 'url', { maxLength: 300 }),
    field('source', '客户来源', 'Source', 'picklist', { options: options(['线索转化', 'Converted lead'], ['客户介绍', 'Referral'], ['网站', 'Website'], ['展会', 'Trade show'], ['其他', 'Other']) }),
    field('employees', '员工人数', 'Employees', 'number'),
    field('annualRevenue', '年营业额', 'Annual revenue', 'currency'),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    poolGroupField(),
    poolStateField(),
    field('returnedCount', '退回次数', 'Times returned', 'number', { readOnly: true }),
    field('claimedAt', '认领日期', 'Claimed', 'datetime', { readOnly: true }),
    ...ownedRecordFields({ zh: '客户所有人', en: 'Account owner' }),
  ],
};

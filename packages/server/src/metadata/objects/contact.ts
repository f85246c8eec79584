import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 联系人 (§3.6): always belongs to an account. */
export const contact: StandardObject = {
  key: 'contact', table: 'contacts', label: { zh: '联系人', en: 'Contact' }, nameField: 'name', owned: true,
  searchFields: ['name', 'mobile', 'phone', 'email'],
  defaultColumns: ['name', 'accountId', 'title', 'mobile', 'email', 'ownerId'],
  fields: [
    field('name', '姓名', 'Name', 'text', { required: true, onCreate: true, maxLength: 100 }),
    field('accountId', '客户', 'Account', 'lookup', { required: true, onCreate: true, lookup: 'account' }),
    field('title', '职务', 'Title', 'text', { onCreate: true, maxLength: 100 }),
    field('dept', '部门', 'Department', 'text', { maxLength: 100 }),
    field('gender', '性别', 'Gender', 'picklist', { options: options(['男', 'Male'], ['女', 'Female']) }),
    field('mobile', '手机', 'Mobile', 'phone', { onCreate: true, maxLength: 40 }),
    field('phone', '电话', 'Phone', 'phone', { maxLength: 40 }),
    field('email', '电子邮件', 'Email', 'email', { onCreate: true, maxLength: 200 }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...ownedRecordFields({ zh: '联系人所有人', en: 'Contact owner' }),
  ],
};

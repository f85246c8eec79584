import { field, options, systemFields, type StandardObject } from '../define';

/** 合作伙伴: a shared library opportunities pick from. */
export const partner: StandardObject = {
  key: 'partner', table: 'partners', label: { zh: '合作伙伴', en: 'Partner' }, nameField: 'name', owned: false,
  searchFields: ['name', 'phone'],
  defaultColumns: ['name', 'type', 'phone', 'website'],
  fields: [
    field('name', '合作伙伴名称', 'Name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('type', '类型', 'Type', 'picklist', { onCreate: true, options: options(['代理商', 'Reseller'], ['集成商', 'Integrator'], ['咨询机构', 'Consultancy'], ['其他', 'Other']) }),
    field('phone', '电话', 'Phone', 'phone', { onCreate: true, maxLength: 40 }),
    field('address', '地址', 'Address', 'text', { maxLength: 300 }),
    field('website', '网址', 'Website', 'url', { maxLength: 300 }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...systemFields(),
  ],
};

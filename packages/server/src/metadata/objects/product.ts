import { field, systemFields, type StandardObject } from '../define';

/** 产品: the catalogue administrators keep (objects/product/hooks.ts); every user may read it. */
export const product: StandardObject = {
  key: 'product', table: 'products', label: { zh: '产品', en: 'Product' }, nameField: 'name', owned: false,
  searchFields: ['name', 'code'],
  defaultColumns: ['name', 'code', 'categoryId', 'price', 'unit', 'enabled'],
  fields: [
    field('name', '产品名称', 'Name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('code', '产品编号', 'Code', 'text', { onCreate: true, maxLength: 60, unique: true }),
    // 产品目录: options are the paths of the company's category tree (objects/product/category-tree.ts).
    field('categoryId', '产品目录', 'Category', 'picklist', { onCreate: true, dynamicOptions: true, options: [] }),
    field('price', '标准价格', 'List price', 'currency', { onCreate: true }),
    field('unit', '销售单位', 'Unit', 'text', { onCreate: true, maxLength: 20 }),
    field('enabled', '启用', 'Enabled', 'boolean', { onCreate: true, defaultValue: true }),
    field('description', '产品描述', 'Description', 'textarea', { maxLength: 4000 }),
    ...systemFields(),
  ],
};

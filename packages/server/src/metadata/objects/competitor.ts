import { field, systemFields, type StandardObject } from '../define';

/** 竞争对手: a shared library opportunities pick from. */
export const competitor: StandardObject = {
  key: 'competitor', table: 'competitors', label: { zh: '竞争对手', en: 'Competitor' }, nameField: 'name', owned: false,
  searchFields: ['name'],
  defaultColumns: ['name', 'website', 'strengths', 'weaknesses'],
  fields: [
    field('name', '竞争对手名称', 'Name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('website', '网址', 'Website', 'url', { onCreate: true, maxLength: 300 }),
    field('strengths', '优势', 'Strengths', 'textarea', { onCreate: true, maxLength: 4000 }),
    field('weaknesses', '劣势', 'Weaknesses', 'textarea', { onCreate: true, maxLength: 4000 }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...systemFields(),
  ],
};

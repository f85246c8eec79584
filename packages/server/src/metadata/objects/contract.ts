import { field, options, ownedRecordFields, type StandardObject } from '../define';

/** 合同 (§3.8). Payments (回款) come with the contracts issue. */
export const contract: StandardObject = {
  key: 'contract', table: 'contracts', label: { zh: '合同', en: 'Contract' }, nameField: 'title', owned: true,
  searchFields: ['title', 'contractNo'],
  defaultColumns: ['contractNo', 'title', 'accountId', 'amount', 'status', 'signDate', 'ownerId'],
  fields: [
    field('contractNo', '合同编号', 'Contract no.', 'autonumber', { readOnly: true }),
    field('title', '合同标题', 'Title', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('accountId', '客户', 'Account', 'lookup', { required: true, onCreate: true, lookup: 'account' }),
    field('opportunityId', '销售机会', 'Opportunity', 'lookup', { onCreate: true, lookup: 'opportunity' }),
    field('amount', '合同金额', 'Amount', 'currency', { required: true, onCreate: true }),
    field('status', '合同状态', 'Status', 'picklist', { onCreate: true, defaultValue: '执行前', options: options(['执行前', 'Not started'], ['执行中', 'In progress'], ['结束', 'Finished'], ['意外终止', 'Terminated']) }),
    field('signDate', '签约日期', 'Signed on', 'date', { onCreate: true }),
    field('startDate', '开始日期', 'Start date', 'date'),
    field('endDate', '结束日期', 'End date', 'date'),
    field('customerSigner', '客户签约人', 'Customer signer', 'text', { maxLength: 100 }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...ownedRecordFields({ zh: '合同所有人', en: 'Contract owner' }),
  ],
};

import { field, options, ownedRecordFields, type StandardObject } from '../define';
import '../sales-options';

/**
 * 销售机会 (§3.7). 销售阶段 and 输单原因 take their options from the company's sales process
 * (objects/opportunity, §3.7.6); the lists here are the built-in process.
 */
export const opportunity: StandardObject = {
  key: 'opportunity', table: 'opportunities', label: { zh: '销售机会', en: 'Opportunity' }, nameField: 'name', owned: true,
  searchFields: ['name'],
  defaultColumns: ['name', 'accountId', 'amount', 'stage', 'closeDate', 'ownerId'],
  fields: [
    field('name', '机会名称', 'Name', 'text', { required: true, onCreate: true, maxLength: 200 }),
    field('accountId', '客户', 'Account', 'lookup', { required: true, onCreate: true, lookup: 'account' }),
    field('amount', '金额', 'Amount', 'currency', { onCreate: true }),
    field('stage', '销售阶段', 'Stage', 'picklist', { required: true, onCreate: true, defaultValue: '初步接洽', dynamicOptions: true, options: options(['初步接洽', 'Qualification'], ['需求确定', 'Needs analysis'], ['方案/报价', 'Proposal'], ['谈判审核', 'Negotiation'], ['赢单', 'Won'], ['输单', 'Lost']) }),
    field('closeDate', '结单日期', 'Close date', 'date', { onCreate: true }),
    field('commit', '承诺', 'Commit', 'boolean'),
    field('type', '机会类型', 'Type', 'picklist', { options: options(['新客户', 'New business'], ['老客户增购', 'Upsell'], ['续约', 'Renewal']) }),
    field('source', '机会来源', 'Source', 'picklist', { options: options(['线索转化', 'Converted lead'], ['市场活动', 'Campaign'], ['客户介绍', 'Referral'], ['其他', 'Other']) }),
    field('leadId', '来源线索', 'Source lead', 'lookup', { lookup: 'lead', readOnly: true }),
    field('campaignId', '市场活动', 'Campaign', 'lookup', { lookup: 'campaign' }),
    field('lostReason', '输单原因', 'Loss reason', 'picklist', { dynamicOptions: true, options: options(['价格', 'Price'], ['产品功能', 'Product fit'], ['竞争对手', 'Competitor'], ['预算取消', 'No budget'], ['其他', 'Other']) }),
    field('remark', '备注', 'Notes', 'textarea', { maxLength: 4000 }),
    ...ownedRecordFields({ zh: '机会所有人', en: 'Opportunity owner' }),
  ],
};

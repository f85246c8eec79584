import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'opportunityLines.amount_from_lines': { zh: '该销售机会有产品明细，金额为产品总价之和，不能手工修改', en: 'This opportunity has product lines: its amount is the sum of their totals and cannot be edited by hand' },
  'opportunityLines.product_unavailable': { zh: '产品不存在或已停用', en: 'The product does not exist or is disabled' },
  'opportunityLines.no_price': { zh: '产品“{name}”没有标准价格，请填写产品价格', en: 'Product "{name}" has no list price; enter a price' },
  'opportunityLines.line_not_found': { zh: '该销售机会没有这条产品明细', en: 'This opportunity has no such product line' },
  'opportunityLines.amount_too_large': { zh: '产品总价之和超出了金额的范围', en: 'The sum of the lines exceeds what an amount can hold' },
  'opportunityLines.contact_other_account': { zh: '只能选择本客户的联系人', en: 'Only contacts of this opportunity’s account can be added' },
  'opportunityLines.contact_already': { zh: '该联系人已在此销售机会中', en: 'This contact is already on the opportunity' },
  'opportunityLines.contact_not_linked': { zh: '该联系人不在此销售机会中', en: 'This contact is not on the opportunity' },
  'opportunityLines.partner.unknown': { zh: '所选合作伙伴不存在', en: 'The chosen partner does not exist' },
  'opportunityLines.partner.already': { zh: '该合作伙伴已在此销售机会中', en: 'This partner is already on the opportunity' },
  'opportunityLines.partner.not_linked': { zh: '该合作伙伴不在此销售机会中', en: 'This partner is not on the opportunity' },
  'opportunityLines.competitor.unknown': { zh: '所选竞争对手不存在', en: 'The chosen competitor does not exist' },
  'opportunityLines.competitor.already': { zh: '该竞争对手已在此销售机会中', en: 'This competitor is already on the opportunity' },
  'opportunityLines.competitor.not_linked': { zh: '该竞争对手不在此销售机会中', en: 'This competitor is not on the opportunity' },
  'opportunityLines.contact_unknown': { zh: '联系人不存在或您无权查看', en: 'The contact does not exist, or you may not see it' },
  'history.field.products': { zh: '产品明细', en: 'Product lines' },
  'history.field.contacts': { zh: '联系人', en: 'Contacts' },
  'history.field.partners': { zh: '合作伙伴', en: 'Partners' },
  'history.field.competitors': { zh: '竞争对手', en: 'Competitors' },
});

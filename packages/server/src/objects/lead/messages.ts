import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'lead.convert.already_converted': { zh: '该销售线索已转换为客户，不能再次转换', en: 'This lead has already been converted' },
  'lead.convert.section_invalid': { zh: '{section}：{message}', en: '{section}: {message}' },
  'lead.convert.section.account': { zh: '客户信息', en: 'Account' },
  'lead.convert.section.contact': { zh: '联系人信息', en: 'Contact' },
  'lead.convert.section.opportunity': { zh: '销售机会信息', en: 'Opportunity' },
});

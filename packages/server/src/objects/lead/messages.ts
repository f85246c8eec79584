import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'lead.converted_status': { zh: '已转换的销售线索不能再修改跟进状态', en: 'A converted lead keeps its status' },
  'lead.convert.already_converted': { zh: '该销售线索已转换为客户，不能再次转换', en: 'This lead has already been converted' },
  'lead.convert.owner_not_visible': {
    zh: '客户所有人须是您本人或您的下属，否则您将无法查看新客户', en: 'The account owner must be you or someone below you, or you could not see the new account',
  },
  'lead.convert.section_invalid': { zh: '{section}：{message}', en: '{section}: {message}' },
  'lead.convert.section.account': { zh: '客户信息', en: 'Account' },
  'lead.convert.section.contact': { zh: '联系人信息', en: 'Contact' },
  'lead.convert.section.opportunity': { zh: '销售机会信息', en: 'Opportunity' },
});

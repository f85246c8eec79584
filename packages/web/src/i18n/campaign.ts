/** UI strings of 市场活动 actions (§3.1.2); keys start with "campaign.". */
export const campaign = {
  zh: {
    'campaign.addLeads': '添加线索',
    'campaign.addLeadsTitle': '为“{{name}}”添加销售线索',
    'campaign.addLeadsHint': '选择本次活动带来的已有销售线索；新线索可在“新建”中直接创建。',
    'campaign.addLeadsFailed': '{{count}} 条线索未能添加',
  },
  en: {
    'campaign.addLeads': 'Add leads',
    'campaign.addLeadsTitle': 'Add leads to “{{name}}”',
    'campaign.addLeadsHint': 'Choose existing leads this campaign brought in; create new ones from “New”.',
    'campaign.addLeadsFailed': '{{count}} leads could not be added',
  },
};

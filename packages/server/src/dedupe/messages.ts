import { defineMessages } from '../platform/i18n/messages';

defineMessages({
  'dedupe.bad_field': { zh: '字段“{field}”不能用于查重（仅支持文本、电话、邮箱字段）', en: 'Field "{field}" cannot be used for duplicates (text, phone and email fields only)' },
  'dedupe.fuzzy_text_only': { zh: '字段“{field}”只能精确匹配，模糊匹配仅用于文本字段', en: 'Field "{field}" can only match exactly; fuzzy matching is for text fields' },
  'dedupe.repeated_field': { zh: '字段“{field}”重复设置', en: 'Field "{field}" appears twice' },
  'dedupe.admin_only': { zh: '仅系统管理员可以修改查重规则', en: 'Only administrators may change duplicate rules' },
});

import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'account.transfer.bad_related': { zh: '“{object}”不是客户的相关业务', en: '"{object}" is not a record type related to accounts' },
  'account.merge.need_two': { zh: '请选择至少两个不同的客户进行合并', en: 'Choose at least two different accounts to merge' },
  'account.merge.too_many': { zh: '一次最多合并 {max} 个客户', en: 'At most {max} accounts at once' },
  'account.merge.not_mergeable': { zh: '“{field}”不能在合并时选择，它随主记录保留', en: '"{field}" cannot be chosen in a merge; it stays as on the master record' },
  'account.merge.version_required': { zh: '缺少客户“{name}”的版本号', en: 'The version of account "{name}" is missing' },
  'account.merge.stale': { zh: '客户“{name}”已被他人修改，请刷新后重试', en: 'Someone else changed account "{name}"; reload and try again' },
});

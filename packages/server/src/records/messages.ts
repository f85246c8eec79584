import { defineMessages } from '../platform/i18n/messages';

defineMessages({
  'records.bad_filter': { zh: '筛选条件“{field}”的值无效（{reason}）', en: 'Invalid value for filter on "{field}" ({reason})' },
  'records.unknown_field': { zh: '字段“{field}”不存在', en: 'No field "{field}"' },
  'records.bad_operator': { zh: '字段“{field}”不支持“{op}”条件', en: 'Field "{field}" does not support "{op}"' },
  'records.too_many_conditions': { zh: '筛选条件最多 {max} 个', en: 'At most {max} filter conditions' },
  'records.invalid_fields': { zh: '以下字段填写有误：{fields}', en: 'Please check these fields: {fields}' },
  'records.bad_id': { zh: '记录编号格式不正确', en: 'Malformed record id' },
  'records.bad_sort': { zh: '无法按“{field}”排序', en: 'Cannot sort by "{field}"' },
  'records.owner_via_transfer': { zh: '负责人需通过“转移”修改', en: 'Change the owner with Transfer' },
  'records.version_required': { zh: '缺少记录版本号（version 或 If-Match）', en: 'The record version is required (version or If-Match)' },
  'records.referenced': { zh: '该记录仍被其他数据引用（{detail}），无法删除', en: 'Other records still refer to this one ({detail}); it cannot be deleted' },
  'records.bad_reference': { zh: '“{field}”指向的记录不存在或您无权查看', en: '"{field}" points to a record that does not exist or you cannot see' },
  'records.duplicate_value': { zh: '“{field}”的值已存在', en: 'The value of "{field}" is already used' },
  'records.bad_user': { zh: '所选用户不存在或已停用', en: 'The chosen user does not exist or is disabled' },
  'records.bad_view': { zh: '视图不存在', en: 'No such view' },
  'records.batch_too_large': { zh: '一次最多处理 {max} 条记录', en: 'At most {max} records at once' },
});

import { defineMessages } from '../platform/i18n/messages';

defineMessages({
  'registry.timeout': { zh: '工商信息查询超时，请继续填写，保存不受影响', en: 'The business registry is slow to answer; go on filling in the form, saving works as usual' },
  'registry.unavailable': { zh: '工商信息服务暂时不可用，请继续填写，保存不受影响', en: 'The business registry is unavailable; go on filling in the form, saving works as usual' },
  'registry.off': { zh: '工商信息未启用，请联系管理员在系统设置中开启', en: 'Business registry lookup is off; an administrator can turn it on in System settings' },
  'registry.bad_url': { zh: '工商信息服务地址须以 http:// 或 https:// 开头', en: 'The registry service address must start with http:// or https://' },
  'registry.url_required': { zh: '使用工商信息接口时必须填写服务地址', en: 'The HTTP registry needs a service address' },
  'registry.bad_target': { zh: '客户字段“{field}”不存在或不能回填', en: 'Account field "{field}" does not exist or cannot be filled' },
  'registry.incompatible': { zh: '客户字段“{field}”的类型与所选工商信息项不符', en: 'Account field "{field}" cannot hold the chosen registry item' },
  'registry.repeated_target': { zh: '客户字段“{field}”被设置了多次', en: 'Account field "{field}" is filled twice' },
  'registry.file.missing': { zh: '请选择要上传的工商数据文件', en: 'Choose a registry data file to upload' },
  'registry.file.no_columns': { zh: '文件首行须包含“统一社会信用代码”和“企业名称”列', en: 'The first line must name the columns, including creditCode (统一社会信用代码) and name (企业名称)' },
  'registry.file.bad_rows': { zh: '文件中有 {count} 行数据有误，未导入任何数据', en: '{count} rows of the file are wrong; nothing was loaded' },
  'registry.file.empty': { zh: '文件中没有企业数据', en: 'The file holds no companies' },
  'registry.file.bad_json': { zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' },
  'registry.file.bad_json_line': { zh: '此行不是有效的 JSON', en: 'This line is not valid JSON' },
  'registry.file.not_object': { zh: '此行不是一个企业对象', en: 'This line is not a company object' },
  'registry.file.no_name': { zh: '缺少企业名称', en: 'The company name is missing' },
  'registry.file.bad_code': { zh: '统一社会信用代码“{code}”格式不正确（应为 18 位）', en: 'Credit code "{code}" is not an 18-character unified social credit code' },
  'registry.file.bad_date': { zh: '成立日期“{value}”无法识别', en: 'Date "{value}" is not a date' },
  'registry.file.too_long': { zh: '“{column}”内容过长', en: '"{column}" is too long' },
});

import { defineMessages } from '../i18n/messages';

defineMessages({
  'files.type_not_allowed': { zh: '不支持的文件类型（按文件内容识别），仅支持：{allowed}', en: 'File type not allowed (judged from its content); allowed: {allowed}' },
  'files.too_large': { zh: '文件过大，最大 {max}', en: 'File too large; at most {max}' },
  'files.empty': { zh: '文件为空', en: 'The file is empty' },
  'files.missing': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
});

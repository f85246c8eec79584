import { defineMessages } from '../platform/i18n/messages';

/** Messages of the record detail tabs every object shares: 文档 and 操作记录. */
defineMessages({
  'records.bad_attachment': { zh: '附件不存在、已被使用或不是您上传的', en: 'An attachment does not exist, is already used, or was not uploaded by you' },
  'records.file_not_found': { zh: '该记录没有这个文档', en: 'This record has no such document' },
  'history.field.team': { zh: '团队成员', en: 'Team members' },
  'history.field.activity': { zh: '动态', en: 'Activity' },
  'history.field.task': { zh: '任务', en: 'Task' },
  'history.field.files': { zh: '文档', en: 'Documents' },
  'history.field.comment': { zh: '评论', en: 'Comment' },
  'history.field.merged': { zh: '合并的记录', en: 'Merged records' },
  'history.field.mergedInto': { zh: '合并到', en: 'Merged into' },
  'history.field.id': { zh: '编号', en: 'ID' },
  'history.access.read': { zh: '只读', en: 'read only' },
  'history.access.write': { zh: '读写', en: 'read/write' },
  'history.yes': { zh: '是', en: 'Yes' },
  'history.no': { zh: '否', en: 'No' },
});

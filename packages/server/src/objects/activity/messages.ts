import { defineMessages } from '../../platform/i18n/messages';

defineMessages({
  'activity.bad_type': { zh: '活动类型“{type}”不存在或已停用', en: 'Activity type "{type}" does not exist or is disabled' },
  'activity.empty': { zh: '请填写活动内容或添加附件', en: 'Write something or attach a file' },
  'activity.too_long': { zh: '活动内容过长（最多 {max} 字）', en: 'The activity is too long (at most {max} characters)' },
  'activity.future': { zh: '活动时间不能晚于现在', en: 'The activity cannot be dated in the future' },
  'activity.bad_mention': { zh: '被@的同事不存在或已停用', en: 'A mentioned colleague does not exist or is disabled' },
  'activity.mentioned': { zh: '{actor} 在{object}「{name}」的动态中提到了你', en: '{actor} mentioned you in an activity on {object} "{name}"' },
});

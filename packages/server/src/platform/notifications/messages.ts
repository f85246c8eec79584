import { defineMessages } from '../i18n/messages';

/** Server-side texts of the notification centre: errors, email copies and built-in notifications. */
defineMessages({
  'notifications.mail.subject': { zh: '【易销】{title}', en: '[Yixiao] {title}' },
  'notifications.mail.open': { zh: '在易销中查看：{url}', en: 'Open in Yixiao: {url}' },
  'notifications.mail.footer': {
    zh: '您收到此邮件是因为在“个人设置 → 订阅设置”中开启了此类提醒。',
    en: 'You receive this email because this reminder is switched on in Personal settings → Subscriptions.',
  },
  'notifications.reminder_in_past': { zh: '提醒时间须晚于当前时间', en: 'The reminder time must be in the future' },
  'notifications.reminder_too_far': { zh: '提醒时间不能超过一年以后', en: 'The reminder time may be at most a year ahead' },
  'notifications.reminder_done': { zh: '该提醒已发出或已取消', en: 'This reminder has already fired or was cancelled' },
  'notifications.department_missing': { zh: '部门不存在', en: 'No such department' },
});

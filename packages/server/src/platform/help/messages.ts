import { defineMessages } from '../i18n/messages';

/** Server-side texts of 帮助 → 意见反馈: the notifications feedback sends. */
defineMessages({
  'help.feedback.new_title': { zh: '新的意见反馈（{category}）', en: 'New feedback ({category})' },
  'help.feedback.replied_title': { zh: '您的意见反馈已有答复', en: 'Your feedback has a reply' },
  'help.category.bug': { zh: '问题', en: 'Bug' },
  'help.category.suggestion': { zh: '建议', en: 'Suggestion' },
  'help.category.question': { zh: '咨询', en: 'Question' },
});

import { defineMessages } from '../i18n/messages';

defineMessages({
  'mail.already_sent': { zh: '该邮件已发送，无需重试', en: 'This mail was sent already' },
});

import { defineMessages } from '../i18n/messages';

defineMessages({
  'personal.menu_duplicate': { zh: '菜单项重复：{item}', en: 'Menu item listed twice: {item}' },
  'personal.email_taken': { zh: '该邮箱已被其他账号使用', en: 'This email address is used by another account' },
  'personal.mobile_taken': { zh: '该手机号已被其他账号使用', en: 'This mobile number is used by another account' },
  'personal.email_already_verified': { zh: '该邮箱已验证', en: 'This email address is verified already' },
  'personal.mobile_already_verified': { zh: '该手机号已验证', en: 'This mobile number is verified already' },
  'personal.mobile_invalid': { zh: '请输入正确的手机号', en: 'Enter a valid mobile number' },
  'personal.verification_rate_limited': { zh: '验证请求过于频繁，请一小时后再试', en: 'Too many verification requests; try again in an hour' },
  'personal.verification_invalid': { zh: '验证链接无效', en: 'This verification link is not valid' },
  'personal.verification_used': { zh: '验证链接已使用过', en: 'This verification link was used already' },
  'personal.verification_expired': { zh: '验证链接已过期，请重新发送验证邮件', en: 'This verification link has expired; send a new one' },
  'personal.code_missing': { zh: '验证码已失效，请重新获取', en: 'No valid code; request a new one' },
  'personal.code_wrong': { zh: '验证码错误，还可尝试 {left} 次', en: 'Wrong code; {left} tries left' },
  'personal.code_locked': { zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong codes; request a new one' },
  'personal.api_key_limit': { zh: '最多可创建 {max} 个 API 密钥', en: 'At most {max} API keys' },
  'personal.mail.verify_subject': { zh: '【易销 CRM】请验证您的邮箱', en: '[Yixiao CRM] Verify your email address' },
  'personal.mail.verify_text': {
    zh: '{name}，您好：\n\n请在 24 小时内打开以下链接，完成邮箱验证。验证后可以使用此邮箱登录易销 CRM。\n\n{link}\n\n如果这不是您本人的操作，请忽略本邮件。',
    en: 'Hello {name},\n\nOpen this link within 24 hours to verify your email address. You can then sign in to Yixiao CRM with it.\n\n{link}\n\nIf you did not ask for this, ignore this mail.',
  },
  'personal.mail.verify_button': { zh: '验证邮箱', en: 'Verify email' },
  'personal.sms.code': { zh: '【易销 CRM】您的手机验证码为 {code}，10 分钟内有效。', en: '[Yixiao CRM] Your verification code is {code}, valid for 10 minutes.' },
});

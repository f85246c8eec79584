import type { Locale } from '@yixiao/core';

/** Server-side messages (errors, mail) in both UI languages. `{name}` placeholders are filled by t(). */
const MESSAGES = {
  'error.internal': { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },
  'error.validation': { zh: '提交的数据有误：{detail}', en: 'Invalid request: {detail}' },
  'error.not_found': { zh: '记录不存在或您无权查看', en: 'Not found, or you may not see it' },
  'error.route_not_found': { zh: '接口不存在', en: 'No such endpoint' },
  'error.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'error.forbidden': { zh: '您没有此操作的权限', en: 'You are not allowed to do this' },
  'error.csrf': { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  'error.origin': { zh: '请求来源不被允许', en: 'Request origin not allowed' },
  'error.version_conflict': { zh: '记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  'error.too_large': { zh: '文件过大，最大 {max}', en: 'File too large; at most {max}' },
  'auth.bad_credentials': { zh: '账号或密码错误', en: 'Wrong sign-in name or password' },
  'auth.locked': { zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; try again in {minutes} minutes' },
  'auth.ip_limited': { zh: '此网络登录尝试过多，请稍后再试', en: 'Too many sign-in attempts from this network; try again later' },
  'auth.disabled': { zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  'auth.wrong_password': { zh: '原密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': { zh: '密码至少 8 位，且需同时包含字母和数字', en: 'Passwords need at least 8 characters with letters and digits' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
const extra = new Map<string, { zh: string; en: string }>();

/** Modules add their own messages at load time, keeping this file to the platform's. */
export function defineMessages(messages: Record<string, { zh: string; en: string }>): void {
  for (const [key, value] of Object.entries(messages)) extra.set(key, value);
}

export function t(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const entry = (MESSAGES as Record<string, { zh: string; en: string }>)[key] ?? extra.get(key);
  if (!entry) return key;
  const text = locale === 'en-US' ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

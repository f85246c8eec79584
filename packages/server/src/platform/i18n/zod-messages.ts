import { z } from 'zod';
import type { Locale } from '@yixiao/core';

const maps = { 'zh-CN': z.locales.zhCN().localeError, 'en-US': z.locales.en().localeError };

/**
 * Renders a validation issue in the user's language. Zod formats messages once, in English, when
 * it parses; the type provider keeps the issue's fields, so we format it again with zod's own
 * catalogue for the request's locale.
 */
export function localizeIssue(locale: Locale, issue: { keyword: string; params?: Record<string, unknown>; message?: string }): string {
  const raw = { code: issue.keyword, ...(issue.params ?? {}), path: [] } as unknown as Parameters<(typeof maps)['zh-CN']>[0];
  const result = maps[locale](raw);
  const text = typeof result === 'string' ? result : result?.message;
  return text ?? issue.message ?? '';
}

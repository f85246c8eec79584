import type { Label } from '@yixiao/core';
import { useCurrentUser } from '../../auth/me';

export type Locale = 'zh-CN' | 'en-US';

/** The signed-in user's language, for labels that come from metadata. */
export const useLocale = (): Locale => useCurrentUser().locale;
export const textOf = (label: Label, locale: Locale) => (locale === 'en-US' ? label.en : label.zh);

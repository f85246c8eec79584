import type { TFunction } from 'i18next';

/** A stay's length in the largest unit that says it: days, else hours, else minutes. */
export function durationText(t: TFunction, from: string, to: string | null): string {
  const ms = Math.max(0, (to ? Date.parse(to) : Date.now()) - Date.parse(from));
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 24 * 60) return t('sales.duration.days', { count: Math.floor(minutes / (24 * 60)) });
  if (minutes >= 60) return t('sales.duration.hours', { count: Math.floor(minutes / 60) });
  return t('sales.duration.minutes', { count: minutes });
}

import dayjs from 'dayjs';

/** "09:30" today, "05-12 09:30" this year, "2023-05-12 09:30" before: short enough for a list. */
export function shortTime(iso: string): string {
  const at = dayjs(iso);
  const now = dayjs();
  if (at.isSame(now, 'day')) return at.format('HH:mm');
  if (at.isSame(now, 'year')) return at.format('MM-DD HH:mm');
  return at.format('YYYY-MM-DD HH:mm');
}

export const fullTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

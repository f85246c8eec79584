import { defineMessages } from '../platform/i18n/messages';

defineMessages({
  'analytics.period_needs_days': { zh: '自定义时间段需要开始日期和结束日期', en: 'A custom period needs a first and a last day' },
  'analytics.bad_day': { zh: '日期无效', en: 'Not a valid date' },
  'analytics.period_reversed': { zh: '开始日期不能晚于结束日期', en: 'The first day cannot be after the last day' },
  'analytics.period_too_long': { zh: '时间段最长 {days} 天', en: 'A period is at most {days} days long' },
  'analytics.bad_key': { zh: '统计行无效', en: 'No such row' },
});

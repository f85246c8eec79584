import type { Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { standardObject } from '../../metadata/objects';
import type { EngineObject } from '../../metadata/registry';
import { csvCell } from '../../records/export-csv';
import type { RecordScope } from '../../records/scope';
import { TASK_TYPE, type ActivityRecord, type ActivityRecordsFilter } from './activity-records.types';
import { selectActivityRecords } from './list-activity-records';
import { contentToText } from './sanitize-content';

const BATCH = 1000;

const HEADERS = {
  'zh-CN': ['时间', '类型', '内容', '记录人', '部门', '关联对象', '关联记录'],
  'en-US': ['When', 'Type', 'Content', 'Person', 'Department', 'Related object', 'Related record'],
} as const;

/** "2026-11-27 15:30" in the company's time zone. */
function localTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function typeLabel(activity: EngineObject, type: string, locale: Locale): string {
  if (type === TASK_TYPE) return locale === 'en-US' ? 'Completed task' : '已完成任务';
  const option = activity.field('type')?.options?.find((o) => o.value === type);
  return option ? (locale === 'en-US' ? option.label.en : option.label.zh) : type;
}

function csvLine(item: ActivityRecord, activity: EngineObject, timeZone: string, locale: Locale): string {
  const object = item.source ? standardObject(item.source.object) : undefined;
  return [
    localTime(item.occurredAt, timeZone),
    typeLabel(activity, item.type, locale),
    item.kind === 'activity' ? contentToText(item.content) : item.content,
    item.person?.name ?? '',
    item.department?.name ?? '',
    object ? (locale === 'en-US' ? object.label.en : object.label.zh) : '',
    item.source?.name ?? '',
  ].map(csvCell).join(',');
}

/**
 * 导出 (§3.7.7): the filtered 活动记录 as CSV lines (header first), in batches so a long range never
 * sits in memory at once. Every cell goes through csvCell, which neutralises formulas.
 */
export async function* exportActivityRecords(db: DbOrTx, scope: RecordScope, filter: ActivityRecordsFilter, locale: Locale): AsyncGenerator<string> {
  yield '\uFEFF' + HEADERS[locale === 'en-US' ? 'en-US' : 'zh-CN'].map(csvCell).join(',') + '\r\n';
  for (let offset = 0; ; offset += BATCH) {
    const items = await selectActivityRecords(db, scope, filter, BATCH, offset);
    if (items.length) yield items.map((item) => csvLine(item, scope.object, scope.timeZone, locale)).join('\r\n') + '\r\n';
    if (items.length < BATCH) break;
  }
}

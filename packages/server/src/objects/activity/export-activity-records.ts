import type { Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { standardObject } from '../../metadata/objects';
import type { EngineObject } from '../../metadata/registry';
import { localMinuteFormatter } from '../../dataio/export/display-value';
import type { RecordScope } from '../../records/scope';
import { TASK_TYPE, type ActivityRecord, type ActivityRecordsFilter } from './activity-records.types';
import { selectActivityRecords } from './list-activity-records';
import { contentToText } from './sanitize-content';

const BATCH = 1000;

const HEADERS = {
  'zh-CN': ['时间', '类型', '内容', '记录人', '部门', '关联对象', '关联记录'],
  'en-US': ['When', 'Type', 'Content', 'Person', 'Department', 'Related object', 'Related record'],
} as const;

function typeLabel(activity: EngineObject, type: string, locale: Locale): string {
  if (type === TASK_TYPE) return locale === 'en-US' ? 'Completed task' : '已完成任务';
  const option = activity.field('type')?.options?.find((o) => o.value === type);
  return option ? (locale === 'en-US' ? option.label.en : option.label.zh) : type;
}

function cells(item: ActivityRecord, activity: EngineObject, localTime: (value: string | Date) => string, locale: Locale): string[] {
  const object = item.source ? standardObject(item.source.object) : undefined;
  return [
    localTime(item.occurredAt),
    typeLabel(activity, item.type, locale),
    item.kind === 'activity' ? contentToText(item.content) : item.content,
    item.person?.name ?? '',
    item.department?.name ?? '',
    object ? (locale === 'en-US' ? object.label.en : object.label.zh) : '',
    item.source?.name ?? '',
  ];
}

/**
 * 导出 (§3.7.7): the filtered 活动记录 as rows of cells (header first), in batches so a long range
 * never sits in memory at once. The sheet writer neutralises formulas and encodes the file.
 */
export async function* exportActivityRecords(db: DbOrTx, scope: RecordScope, filter: ActivityRecordsFilter, locale: Locale): AsyncGenerator<string[][]> {
  yield [[...HEADERS[locale === 'en-US' ? 'en-US' : 'zh-CN']]];
  const localTime = localMinuteFormatter(scope.timeZone);
  for (let offset = 0; ; offset += BATCH) {
    const items = await selectActivityRecords(db, scope, filter, BATCH, offset);
    if (items.length) yield items.map((item) => cells(item, scope.object, localTime, locale));
    if (items.length < BATCH) break;
  }
}

import { ExclamationCircleFilled } from '@ant-design/icons';
import { Popover, Spin, Typography } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import type { RecordData } from '../records/extensions';
import { dedupeApi, type DuplicateResult } from './api';
import { DuplicateTable } from './DuplicateTable';
import { HiddenNotice } from './HiddenNotice';
import { usePageMark } from './pageMarks';
import { useRules } from './useRules';

const NO_IDS: string[] = [];

/** §3.2.7: 小叹号表示可能存在重复数据，点击后可查看详情. */
export function DuplicateMarker({ object, record, pageIds }: { object: ObjectMeta; record: RecordData; pageIds: string[] }) {
  const { t } = useTranslation();
  const rules = useRules(object.key);
  // Objects without rules ask nothing: their marks would always be empty.
  const mark = usePageMark(object.key, rules?.enabled && rules.fields.length ? pageIds : NO_IDS, record.id);
  if (!mark) return null;
  // The overlay mounts on the first click and unmounts when hidden, so each opening asks afresh.
  return (
    <Popover trigger="click" destroyOnHidden placement="rightTop" content={<DuplicatesOf object={object} record={record} />}>
      <span role="button" title={t('dedupe.marker')} aria-label={t('dedupe.marker')} style={{ color: '#fa541c', cursor: 'pointer' }} data-testid="duplicate-marker">
        <ExclamationCircleFilled />
      </span>
    </Popover>
  );
}

function DuplicatesOf({ object, record }: { object: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const { locale } = useCurrentUser();
  const [result, setResult] = useState<DuplicateResult | null>(null);
  useEffect(() => {
    let current = true;
    void dedupeApi.duplicates(object.key, record.id).then((r) => { if (current) setResult(r); });
    return () => { current = false; };
  }, [object.key, record.id]);

  const name = String(record[object.nameField] ?? '');
  // "张三（北京仁科互动（仁科互动））": the name, and the first other compared value in brackets.
  const other = result?.fields.find((f) => f.key !== object.nameField && record[f.key]);
  const title = other ? `${name}（${String(record[other.key])}）` : name;
  return (
    <div style={{ width: 680 }} data-testid="duplicate-popover">
      <Typography.Text strong>{t('dedupe.popoverTitle', { object: locale === 'en-US' ? object.label.en : object.label.zh, name: title })}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {result ? <><DuplicateTable object={object} result={result} locale={locale} /><HiddenNotice result={result} locale={locale} /></> : <Spin size="small" />}
      </div>
    </div>
  );
}

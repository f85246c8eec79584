import { App, Button, Collapse, Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ObjectMeta } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../extensions';
import { tabsApi, type HistoryItem } from '../api';
import { textOf, useLocale } from '../locale';
import { historyLines } from './history-text';

/** 操作记录: who changed what on the record, newest first. */
export function HistoryTab({ object, record }: { object: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);

  const load = useCallback(async (nextPage: number) => {
    try {
      const result = await tabsApi.history(object.key, record.id, nextPage);
      setItems((current) => (nextPage === 1 ? result.items : [...(current ?? []), ...result.items]));
      setTotal(result.total);
      setPage(nextPage);
    } catch (e) {
      setItems((current) => current ?? []);
      void message.error((e as Error).message);
    }
  }, [object.key, record.id, message]);

  // The record's version changes with every edit: the log then has a new entry to show.
  useEffect(() => {
    void load(1);
  }, [load, record.version]);

  if (items === null) return <Spin />;
  if (items.length === 0) return <Empty description={t('activity.history.empty')} />;
  const objectLabel = textOf(object.label, locale);

  return (
    <div data-testid="history-tab">
      <Timeline
        items={items.map((item) => {
          const lines = historyLines(item, objectLabel, t);
          return {
            key: item.id,
            content: (
              <div data-testid="history-item">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(item.at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
                {item.action === 'create' ? (
                  <>
                    <div>{lines[0]}</div>
                    {item.changes.length > 0 && (
                      <Collapse ghost size="small" items={[{
                        key: 'fields', label: t('activity.history.details', { count: item.changes.length }),
                        children: item.changes.map((c) => <div key={c.field}>{c.label}：{c.newText ?? t('activity.history.blank')}</div>),
                      }]} />
                    )}
                  </>
                ) : lines.map((line, i) => <div key={i} data-testid="history-line">{line}</div>)}
              </div>
            ),
          };
        })}
      />
      {items.length < total && <Button block type="link" onClick={() => void load(page + 1)}>{t('activity.more')}</Button>}
    </div>
  );
}

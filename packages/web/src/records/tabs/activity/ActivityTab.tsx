import { App, Button, Empty, Spin } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../extensions';
import { tabsApi, type ActivityItem } from '../api';
import { useLocale } from '../locale';
import { useObjectLabels } from '../object-labels';
import { ActivityCard } from './ActivityCard';
import { ActivityComposer } from './ActivityComposer';

const PAGE_SIZE = 20;

/** 动态 (§3.3.7, §3.5.9): the composer above the record's activity feed, newest first. */
export function ActivityTab({ object, record, refresh }: { object: ObjectMeta; record: RecordData; refresh: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const labels = useObjectLabels();
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (nextPage: number) => {
    setLoading(true);
    try {
      const result = await tabsApi.activities(object.key, record.id, nextPage, PAGE_SIZE);
      setItems((current) => (nextPage === 1 ? result.items : [...(current ?? []), ...result.items]));
      setTotal(result.total);
      setPage(nextPage);
    } catch (e) {
      setItems((current) => current ?? []);
      void message.error((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [object.key, record.id, message]);

  // Reloaded when the record changes too: 转为客户 moves a lead's 动态 to its new account.
  useEffect(() => {
    void load(1);
  }, [load, record.version]);

  return (
    <div data-testid="activity-tab">
      <ActivityComposer
        object={object.key} recordId={record.id} locale={locale}
        // The header's 最新活动记录时间 changed too.
        onPosted={() => { void load(1); refresh(); }}
      />
      {items === null ? <Spin /> : items.length === 0 ? <Empty description={t('activity.empty')} /> : (
        <div data-testid="activity-feed">
          {items.map((item) => <ActivityCard key={item.id} item={item} object={object.key} labels={labels} locale={locale} />)}
        </div>
      )}
      {items !== null && items.length < total && (
        <Button block type="link" loading={loading} onClick={() => void load(page + 1)} style={{ marginTop: 8 }}>{t('activity.more')}</Button>
      )}
    </div>
  );
}

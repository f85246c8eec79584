import { Alert, App, Modal, Table, Typography } from 'antd';
import type { PoolGroup, PoolObjectKey, RecyclePreview, RecyclePreviewItem } from '@yixiao/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { poolApi } from '../api';

/** 回收预览: what the group's recycle rules will take back to the pool by tomorrow, from whom, and why (a dry run). */
export function RecyclePreviewModal({ object, group, onClose }: { object: PoolObjectKey; group: PoolGroup; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<RecyclePreview | null>(null);

  useEffect(() => {
    poolApi.recyclePreview(object, group.id, 1).then(setPreview, (e: Error) => { void message.error(e.message); setPreview({ until: '', items: [] }); });
  }, [object, group.id]);

  const noRules = !group.recycleIdleDays && !group.recycleUnconvertedDays;
  return (
    <Modal open width={720} title={t('pool.preview.title', { name: group.name })} onCancel={onClose} footer={null}>
      {noRules && <Alert type="info" showIcon title={t('pool.preview.noRules')} style={{ marginBottom: 12 }} />}
      {preview?.until && (
        <Typography.Paragraph type="secondary">
          {t('pool.preview.until', { at: dayjs(preview.until).format('YYYY-MM-DD HH:mm'), count: preview.items.length })}
        </Typography.Paragraph>
      )}
      <Table<RecyclePreviewItem>
        rowKey="id" size="small" loading={!preview} dataSource={preview?.items ?? []} data-testid="pool-recycle-preview"
        pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('pool.preview.empty') }}
        columns={[
          { key: 'name', title: t('pool.preview.name'), dataIndex: 'name' },
          { key: 'owner', title: t('pool.preview.owner'), dataIndex: 'ownerName' },
          { key: 'rule', title: t('pool.preview.rule'), render: (_, i) => t(`pool.rule.${object}.${i.rule}`, { days: i.days }) },
          { key: 'dueAt', title: t('pool.preview.dueAt'), render: (_, i) => dayjs(i.dueAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Modal>
  );
}

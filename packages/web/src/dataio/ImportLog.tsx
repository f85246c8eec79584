import { App, Button, Drawer, Popconfirm, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { ImportJob, ImportUndoResult } from '@yixiao/core';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVE_STATUSES, importApi } from './api';
import { UndoOutcome } from './UndoOutcome';

interface Props {
  object: string;
  open: boolean;
  onClose(): void;
  /** After an undo: the list behind may have lost or changed records. */
  onChanged(): void;
}

const PAGE_SIZE = 20;

export const STATUS_COLORS: Record<ImportJob['status'], string> = {
  parsing: 'processing', queued: 'default', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning', interrupted: 'warning', undone: 'default',
};

/**
 * 查看历史导入日志 (§3.2.2): the object's imports, newest first: who, when, which file, how
 * duplicates were handled, how it went; each with its 错误报告 and 撤销导入.
 */
export function ImportLog({ object, open, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<ImportJob[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undone, setUndone] = useState<ImportUndoResult | null>(null);

  const load = useCallback(async (next: number) => {
    setLoading(true);
    try {
      const answer = await importApi.jobs(object, next, PAGE_SIZE);
      setItems(answer.items);
      setTotal(answer.total);
      setPage(next);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [object, message]);

  useEffect(() => {
    if (open) void load(1);
  }, [open, load]);

  // While an import of the page runs, its row follows it.
  const moving = items.some((j) => ACTIVE_STATUSES.has(j.status));
  useEffect(() => {
    if (!open || !moving) return;
    const timer = setInterval(() => void importApi.jobs(object, page, PAGE_SIZE).then((a) => { setItems(a.items); setTotal(a.total); }, () => undefined), 2_000);
    return () => clearInterval(timer);
  }, [open, moving, object, page]);

  const undo = async (job: ImportJob) => {
    setUndoing(job.id);
    try {
      setUndone(await importApi.undo(job.id));
      onChanged();
      await load(page);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setUndoing(null);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={1080} title={t('dataio.log.title')} destroyOnHidden zIndex={1100}>
      <Table<ImportJob>
        data-testid="import-log"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        onRow={(job) => ({ 'data-testid': 'import-log-row', 'data-job-id': job.id } as HTMLAttributes<HTMLElement>)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: (p) => void load(p), hideOnSinglePage: true }}
        locale={{ emptyText: t('dataio.log.empty') }}
        columns={[
          { key: 'at', title: t('dataio.log.startedAt'), width: 140, render: (_, j) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(j.startedAt).format('YYYY-MM-DD HH:mm')}</span> },
          { key: 'by', title: t('dataio.log.startedBy'), width: 90, ellipsis: true, render: (_, j) => j.startedBy.name },
          {
            key: 'file', title: t('dataio.log.file'), width: 220, ellipsis: true,
            render: (_, j) => <Space size={4}>{j.target === 'pool' && <Tag>{t('dataio.log.pool')}</Tag>}<span title={j.fileName}>{j.fileName}</span></Space>,
          },
          { key: 'mode', title: t('dataio.log.mode'), width: 120, render: (_, j) => t(`dataio.mode.${j.mode}`) },
          {
            key: 'status', title: t('dataio.log.status'), width: 90,
            render: (_, j) => <Tag color={STATUS_COLORS[j.status]} data-testid="import-log-status">{t(`dataio.status.${j.status}`)}</Tag>,
          },
          {
            key: 'counts', title: t('dataio.log.counts'),
            render: (_, j) => (
              <Typography.Text style={{ fontSize: 12 }} data-testid="import-log-counts" title={j.error ?? undefined} type={j.status === 'failed' ? 'danger' : undefined}>
                {j.status === 'failed' && j.error ? j.error : t('dataio.log.countsText', { total: j.total ?? j.processed, created: j.created, updated: j.updated, skipped: j.skipped, failed: j.failed })}
              </Typography.Text>
            ),
          },
          {
            key: 'actions', title: t('common.actions'), width: 170,
            render: (_, j) => (
              <Space size={0}>
                {j.hasErrorReport && (
                  <Button size="small" type="link" href={importApi.errorReportUrl(j.id)} download data-testid="import-log-errors">{t('dataio.log.errorReport')}</Button>
                )}
                {j.undoable && (
                  <Popconfirm title={t('dataio.log.undoConfirm')} onConfirm={() => void undo(j)} okButtonProps={{ danger: true, 'data-testid': 'import-undo-ok' } as ButtonProps} styles={{ root: { maxWidth: 360 } }}>
                    <Button size="small" type="link" danger loading={undoing === j.id} data-testid="import-log-undo">{t('dataio.log.undo')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UndoOutcome result={undone} onClose={() => setUndone(null)} />
    </Drawer>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Spin } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../extensions';
import { tabsApi, type TaskItem } from '../api';
import { useLocale } from '../locale';
import { useObjectLabels } from '../object-labels';
import { TaskDrawer } from './TaskDrawer';
import { TaskFormModal } from './TaskFormModal';
import { TaskRow } from './TaskRow';
import { useTaskActions } from './useTaskActions';

/** 任务日程 (§3.3.7): the record's tasks, open first; new ones for oneself or a colleague. */
export function TaskTab({ object, record, refresh }: { object: ObjectMeta; record: RecordData; refresh: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const labels = useObjectLabels();
  const [tasks, setTasks] = useState<TaskItem[] | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    try {
      setTasks(await tabsApi.recordTasks(object.key, record.id));
    } catch (e) {
      setTasks((current) => current ?? []);
      void message.error((e as Error).message);
    }
  }, [object.key, record.id, message]);
  useEffect(() => {
    void load();
  }, [load]);
  // Completing a task follows the record up (最新活动记录时间), so the header is read again too.
  const actions = useTaskActions(async () => { await load(); refresh(); });

  return (
    <div data-testid="task-tab">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 8 }} data-testid="task-new">{t('task.new')}</Button>
      {tasks === null ? <Spin /> : tasks.length === 0 ? <Empty description={t('task.empty')} /> : tasks.map((task) => (
        <TaskRow key={task.id} task={task} labels={labels} locale={locale} onToggle={(x, done) => void actions.toggle(x, done)} onOpen={actions.setOpen} />
      ))}
      <TaskFormModal
        object={object.key} recordId={record.id} open={creating} onClose={() => setCreating(false)}
        onCreated={() => { setCreating(false); void load(); }}
      />
      <TaskDrawer task={actions.open} onClose={() => actions.setOpen(null)} onChanged={() => void load()} />
    </div>
  );
}

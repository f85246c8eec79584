import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabsApi, type TaskItem } from '../api';

/** Completing or reopening a task from a list, and the task open in the drawer; `reload` refreshes the list. */
export function useTaskActions(reload: () => Promise<void> | void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<TaskItem | null>(null);
  const toggle = async (task: TaskItem, done: boolean) => {
    try {
      await tabsApi.setDone(task.id, done);
      void message.success(t(done ? 'task.completed' : 'task.reopened'));
    } catch (e) {
      void message.error((e as Error).message);
    }
    await reload();
  };
  return { open, setOpen, toggle };
}

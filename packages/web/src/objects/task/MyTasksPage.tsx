import { App, Card, Empty, Pagination, Segmented, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabsApi, type TaskItem, type TaskRole, type TaskStatusFilter } from '../../records/tabs/api';
import { useLocale } from '../../records/tabs/locale';
import { useObjectLabels } from '../../records/tabs/object-labels';
import { TaskDrawer } from '../../records/tabs/task/TaskDrawer';
import { TaskRow } from '../../records/tabs/task/TaskRow';
import { useTaskActions } from '../../records/tabs/task/useTaskActions';

const STATUSES: TaskStatusFilter[] = ['open', 'overdue', 'done', 'all'];
const ROLES: TaskRole[] = ['all', 'assigned', 'created'];
const PAGE_SIZE = 20;

/** 我的任务: tasks given to me and those I gave to colleagues, by status. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const labels = useObjectLabels();
  const [status, setStatus] = useState<TaskStatusFilter>('open');
  const [role, setRole] = useState<TaskRole>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: TaskItem[]; total: number; counts: Record<TaskStatusFilter, number> } | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await tabsApi.myTasks(status, role, page, PAGE_SIZE));
    } catch (e) {
      void message.error((e as Error).message);
    }
  }, [status, role, page, message]);
  useEffect(() => {
    void load();
  }, [load]);
  const actions = useTaskActions(load);

  return (
    <Card title={t('task.myTasks')} data-testid="my-tasks"
      extra={<Segmented<TaskRole> value={role} onChange={(r) => { setRole(r); setPage(1); }} options={ROLES.map((r) => ({ value: r, label: t(`task.role.${r}`) }))} />}
    >
      <Tabs
        activeKey={status} onChange={(key) => { setStatus(key as TaskStatusFilter); setPage(1); }}
        items={STATUSES.map((s) => ({ key: s, label: <span data-testid={`my-tasks-${s}`}>{t(`task.status.${s}`)}{data ? ` (${data.counts[s]})` : ''}</span> }))}
      />
      {data === null ? <Spin /> : data.items.length === 0 ? <Empty description={t('task.empty')} /> : (
        <>
          {data.items.map((task) => (
            <TaskRow key={task.id} task={task} showRelated labels={labels} locale={locale} onToggle={(x, done) => void actions.toggle(x, done)} onOpen={actions.setOpen} />
          ))}
          {data.total > PAGE_SIZE && <Pagination style={{ marginTop: 12 }} current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />}
        </>
      )}
      <TaskDrawer task={actions.open} onClose={() => actions.setOpen(null)} onChanged={() => void load()} />
    </Card>
  );
}

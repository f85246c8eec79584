import { App, Avatar, Button, Descriptions, Divider, Drawer, Empty, Flex, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabsApi, taskFilesUrl, type TaskComment, type TaskItem } from '../api';
import { FileTable } from '../files/FileTable';

/** A task's details, its discussion and attachments (§3.3.7 "可在此界面讨论和添加附件"). */
export function TaskDrawer({ task, onClose, onChanged }: { task: TaskItem | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [comments, setComments] = useState<TaskComment[] | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const taskId = task?.id;

  const load = useCallback(async () => {
    if (!taskId) return;
    try {
      setComments(await tabsApi.comments(taskId));
    } catch (e) {
      setComments([]);
      void message.error((e as Error).message);
    }
  }, [taskId, message]);
  useEffect(() => {
    setComments(null);
    setText('');
    void load();
  }, [load]);

  const send = async () => {
    if (!taskId || !text.trim()) return;
    setBusy(true);
    try {
      await tabsApi.addComment(taskId, text.trim());
      setText('');
      await load();
      onChanged();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
  return (
    <Drawer open={!!task} onClose={onClose} title={task?.subject ?? t('task.details')} size={560} destroyOnHidden>
      {task && (
        <div data-testid="task-drawer">
          <Descriptions size="small" column={2} items={[
            { key: 'assignee', label: t('task.assignee'), children: task.assignee?.name ?? '—' },
            { key: 'creator', label: t('task.creator'), children: task.creator?.name ?? '—' },
            { key: 'due', label: t('task.dueAt'), children: when(task.dueAt) },
            { key: 'remind', label: t('task.remindAt'), children: when(task.remindAt) },
            { key: 'status', label: t('task.status'), children: task.status },
            { key: 'priority', label: t('task.priority'), children: task.priority ?? '—' },
            ...(task.description ? [{ key: 'description', label: t('task.description'), span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{task.description}</Typography.Paragraph> }] : []),
          ]} />
          <Divider titlePlacement="start">{t('task.comment')}</Divider>
          {comments?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noComments')} />}
          {comments?.map((c) => (
            <Flex key={c.id} gap={8} style={{ marginBottom: 12 }} data-testid="task-comment">
              <Avatar size="small" src={c.author?.avatarUrl ?? undefined}>{c.author?.name.slice(0, 1)}</Avatar>
              <div>
                <Typography.Text strong>{c.author?.name}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{when(c.createdAt)}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.content}</div>
              </div>
            </Flex>
          ))}
          <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} placeholder={t('task.commentPlaceholder')} data-testid="task-comment-text" />
          <Button type="primary" size="small" loading={busy} disabled={!text.trim()} onClick={() => void send()} style={{ marginTop: 8 }} data-testid="task-comment-send">
            {t('task.send')}
          </Button>
          <Divider titlePlacement="start">{t('task.attachments')}</Divider>
          <FileTable baseUrl={taskFilesUrl(task.id)} onChanged={onChanged} compact />
        </div>
      )}
    </Drawer>
  );
}

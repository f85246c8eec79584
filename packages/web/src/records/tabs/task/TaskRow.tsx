import { MessageOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Label } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskItem } from '../api';
import { textOf, type Locale } from '../locale';

interface Props {
  task: TaskItem;
  /** On 我的任务: name the record each task is on. */
  showRelated?: boolean;
  labels: Map<string, Label>;
  locale: Locale;
  onToggle(task: TaskItem, done: boolean): void;
  onOpen(task: TaskItem): void;
}

const PRIORITY_COLOR: Record<string, string> = { 高: 'red', 中: 'orange', 低: 'default' };

/** One task: the 完成 checkbox, subject, due time (red when overdue), assignee, discussion. */
export function TaskRow({ task, showRelated, labels, locale, onToggle, onOpen }: Props) {
  const { t } = useTranslation();
  const relatedLabel = task.related ? labels.get(task.related.object) : undefined;
  return (
    <Flex gap={12} align="flex-start" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`task-row-${task.subject}`}>
      <Checkbox checked={task.done} disabled={!task.canChange} onChange={(e) => onToggle(task, e.target.checked)} style={{ marginTop: 2 }} data-testid="task-done" />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Link onClick={() => onOpen(task)} delete={task.done} style={{ color: task.done ? '#999' : undefined }}>{task.subject}</Typography.Link>
        <Space size={8} wrap style={{ marginTop: 4, display: 'flex' }}>
          {task.priority && <Tag color={PRIORITY_COLOR[task.priority] ?? 'default'}>{task.priority}</Tag>}
          {task.dueAt && (
            <Typography.Text type={task.overdue ? 'danger' : 'secondary'} data-testid="task-due-text">
              {t('task.due', { time: dayjs(task.dueAt).format('YYYY-MM-DD HH:mm') })}{task.overdue ? ` · ${t('task.overdue')}` : ''}
            </Typography.Text>
          )}
          {task.assignee && <Typography.Text type="secondary">{t('task.assignee')}：{task.assignee.name}</Typography.Text>}
          {showRelated && task.related && (
            <Typography.Text type="secondary">
              {relatedLabel ? textOf(relatedLabel, locale) : task.related.object}：
              {task.related.name !== null ? <Link to={`/${task.related.object}/${task.related.id}`}>{task.related.name}</Link> : t('task.hiddenRecord')}
            </Typography.Text>
          )}
        </Space>
      </div>
      <Button size="small" type="text" icon={<MessageOutlined />} onClick={() => onOpen(task)} data-testid="task-open">
        {task.commentCount}
      </Button>
      {task.fileCount > 0 && <Typography.Text type="secondary"><PaperClipOutlined /> {task.fileCount}</Typography.Text>}
    </Flex>
  );
}

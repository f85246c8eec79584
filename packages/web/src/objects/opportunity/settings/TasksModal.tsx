import { Button, Checkbox, Input, Modal, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StageTaskInput } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 任务目标 of one stage: what must be done (必做) or may be done before the next stage, in order. */
export function TasksModal({ open, stageName, tasks, onClose, onSave }: {
  open: boolean; stageName: string; tasks: StageTaskInput[]; onClose(): void; onSave(tasks: StageTaskInput[]): void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<StageTaskInput[]>(tasks);
  useEffect(() => { if (open) setRows(tasks.map((task) => ({ ...task }))); }, [open, tasks]);
  const set = (i: number, patch: Partial<StageTaskInput>) => setRows((r) => r.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  return (
    <Modal
      open={open} title={t('sales.settings.editTasks', { stage: stageName })} onCancel={onClose} width={560} destroyOnHidden
      onOk={() => onSave(rows.filter((r) => r.title.trim()).map((r) => ({ ...r, title: r.title.trim() })))} okButtonProps={{ ...{ 'data-testid': 'tasks-ok' } }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((row, i) => (
          <Space key={row.id ?? `row-${i}`} style={{ width: '100%' }}>
            <Input
              value={row.title} maxLength={200} placeholder={t('sales.settings.taskTitle')} style={{ width: 360 }}
              onChange={(e) => set(i, { title: e.target.value })} data-testid={`task-title-${i}`}
            />
            <Checkbox checked={row.required} onChange={(e) => set(i, { required: e.target.checked })}>{t('sales.settings.required')}</Checkbox>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('sales.settings.remove')} onClick={() => setRows((r) => r.filter((_, k) => k !== i))} />
          </Space>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setRows((r) => [...r, { title: '', required: true }])} data-testid="task-add">{t('sales.settings.addTask')}</Button>
      </Space>
    </Modal>
  );
}

import { Checkbox, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import type { StageProgress } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../../../records/fields';

type Stage = StageProgress['stages'][number];

/** A stage's tasks (ticked on this opportunity) and key fields (filled or not): what 可视化流程 asks before the next stage. */
export function StageChecklist({ stage, canEdit, onTick }: { stage: Stage; canEdit: boolean; onTick(taskId: string, done: boolean): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div style={{ display: 'flex', gap: 48, flexWrap: 'wrap' }} data-testid="stage-checklist">
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>{t('sales.bar.tasks')}</Typography.Text>
        {stage.tasks.length === 0 && <Typography.Text type="secondary">{t('sales.bar.noTasks')}</Typography.Text>}
        <Space direction="vertical" size={2}>
          {stage.tasks.map((task) => (
            <Checkbox key={task.id} checked={task.done} disabled={!canEdit} onChange={(e) => onTick(task.id, e.target.checked)} data-testid={`stage-task-${task.title}`}>
              {task.title}{!task.required && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{t('sales.bar.optional')}）</Typography.Text>}
            </Checkbox>
          ))}
        </Space>
      </div>
      {stage.keyFieldStates.length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>{t('sales.bar.keyFields')}</Typography.Text>
          <Space wrap size={4}>
            {stage.keyFieldStates.map((f) => (
              <Tag key={f.key} color={f.filled ? 'success' : 'warning'} icon={f.filled ? <CheckCircleFilled /> : <ExclamationCircleOutlined />} data-testid={`stage-key-${f.key}`}>
                {textOf(f.label, locale)} · {f.filled ? t('sales.bar.filled') : t('sales.bar.missing')}
              </Tag>
            ))}
          </Space>
        </div>
      )}
    </div>
  );
}

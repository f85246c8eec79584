import { Button, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, useLocale } from '../../../records/fields';
import { newKey, shift, type StageDraft } from './draft';
import { TasksModal } from './TasksModal';

/** Fields a stage may require: what a user can fill on the opportunity, other than the stage and its loss reason. */
const keyFieldChoices = (fields: FieldMeta[]) =>
  fields.filter((f) => !f.readOnly && !f.retired && f.type !== 'autonumber' && !['stage', 'lostReason', 'ownerId'].includes(f.key));

/** The open stages in order (name, win rate, enabled, key fields, tasks), then 赢单 and 输单 (names only). */
export function StagesTable({ stages, fields, onChange }: { stages: StageDraft[]; fields: FieldMeta[]; onChange(stages: StageDraft[]): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editingTasks, setEditingTasks] = useState<string | null>(null);
  const set = (key: string, patch: Partial<StageDraft>) => onChange(stages.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const opens = stages.filter((s) => s.kind === 'open');
  const closing = stages.filter((s) => s.kind !== 'open');
  const choices = keyFieldChoices(fields).map((f) => ({ value: f.key, label: textOf(f.label, locale) }));
  const editing = stages.find((s) => s.key === editingTasks);

  const nameColumns = [
    {
      title: t('sales.settings.stageName'), key: 'zh', width: 180,
      render: (_: unknown, s: StageDraft) => <Input value={s.label.zh} maxLength={100} onChange={(e) => set(s.key, { label: { ...s.label, zh: e.target.value } })} data-testid={`stage-name-${s.key}`} />,
    },
    {
      title: t('sales.settings.stageNameEn'), key: 'en', width: 160,
      render: (_: unknown, s: StageDraft) => <Input value={s.label.en} maxLength={100} onChange={(e) => set(s.key, { label: { ...s.label, en: e.target.value } })} />,
    },
  ];

  return (
    <>
      <Table<StageDraft>
        rowKey="key" size="small" pagination={false} dataSource={opens} data-testid="stages-table"
        columns={[
          {
            title: t('sales.settings.order'), key: 'order', width: 90,
            render: (_, s, i) => (
              <Space size={0}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('sales.settings.moveUp')} onClick={() => onChange(shift(stages, s.key, -1))} />
                <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === opens.length - 1} aria-label={t('sales.settings.moveDown')} onClick={() => onChange(shift(stages, s.key, 1))} />
              </Space>
            ),
          },
          ...nameColumns,
          {
            title: t('sales.winRate'), key: 'winRate', width: 110,
            render: (_, s) => <InputNumber min={0} max={100} precision={0} suffix="%" value={s.winRate} onChange={(v) => set(s.key, { winRate: v ?? 0 })} style={{ width: 90 }} data-testid={`stage-rate-${s.key}`} />,
          },
          { title: t('sales.settings.enabled'), key: 'enabled', width: 70, render: (_, s) => <Switch size="small" checked={s.enabled} onChange={(enabled) => set(s.key, { enabled })} /> },
          {
            title: t('sales.settings.keyFields'), key: 'keyFields', width: 220,
            render: (_, s) => <Select mode="multiple" value={s.keyFields} options={choices} onChange={(keyFields) => set(s.key, { keyFields })} style={{ width: '100%' }} maxTagCount="responsive" data-testid={`stage-keys-${s.key}`} />,
          },
          {
            title: t('sales.settings.tasks'), key: 'tasks', width: 130,
            render: (_, s) => <Button size="small" onClick={() => setEditingTasks(s.key)} data-testid={`stage-tasks-${s.key}`}>{t('sales.settings.tasksCount', { count: s.tasks.length })}</Button>,
          },
          {
            title: '', key: 'remove', width: 48,
            render: (_, s) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('sales.settings.remove')} disabled={opens.length <= 1} onClick={() => onChange(stages.filter((x) => x.key !== s.key))} />,
          },
        ]}
      />
      <Button
        type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid="stage-add"
        onClick={() => onChange([...opens, { key: newKey(), label: { zh: t('sales.settings.newStage'), en: '' }, kind: 'open', winRate: 50, enabled: true, keyFields: [], tasks: [] }, ...closing])}
      >
        {t('sales.settings.addStage')}
      </Button>
      <Table<StageDraft>
        rowKey="key" size="small" pagination={false} dataSource={closing} style={{ marginTop: 16 }} showHeader={false}
        columns={[
          { title: '', key: 'kind', width: 90, render: (_, s) => <Tag color={s.kind === 'won' ? 'success' : 'error'}>{t(`sales.kind.${s.kind}`)}</Tag> },
          ...nameColumns,
          { title: '', key: 'rate', render: (_, s) => t('sales.winRateValue', { rate: s.winRate }) },
        ]}
      />
      <TasksModal
        open={!!editing} stageName={editing?.label.zh ?? ''} tasks={editing?.tasks ?? []} onClose={() => setEditingTasks(null)}
        onSave={(tasks) => { if (editing) set(editing.key, { tasks }); setEditingTasks(null); }}
      />
    </>
  );
}

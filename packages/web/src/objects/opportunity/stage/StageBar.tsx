import { App, Button, Card, Collapse, Space, Steps, Tag, Typography } from 'antd';
import type { StageProgress } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../../records/extensions';
import { textOf, useLocale } from '../../../records/fields';
import { salesApi } from '../api';
import { LostReasonModal } from '../LostReasonModal';
import { StageChecklist } from './StageChecklist';
import { StageHistory } from './StageHistory';

/**
 * 可视化流程 on the opportunity page (§3.7.6): the stages as a bar with the current one, its tasks to
 * tick and key fields to fill, buttons to advance, win or close as lost (with a reason), and the
 * stage history. The server judges every move; a refusal comes back with its reason.
 */
export function StageBar({ record, onChanged }: { record: RecordData; onChanged(): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const locale = useLocale();
  const [progress, setProgress] = useState<StageProgress | null>(null);
  const [losing, setLosing] = useState(false);

  const load = useCallback(() => salesApi.progress(record.id).then(setProgress, (e: Error) => void message.error(e.message)), [record.id, message]);
  // The record's version changes with every edit (a key field filled, the stage moved elsewhere).
  useEffect(() => { void load(); }, [load, record.version]);
  if (!progress) return null;

  const current = progress.stages.find((s) => s.value === progress.current);
  const opens = progress.stages.filter((s) => s.kind === 'open' && (s.enabled || s.value === progress.current));
  const won = progress.stages.find((s) => s.kind === 'won')!;
  const lost = progress.stages.find((s) => s.kind === 'lost')!;
  const closing = current?.kind === 'lost' ? lost : won;
  const steps = [...opens, closing];
  const index = steps.findIndex((s) => s.value === progress.current);
  const position = current?.kind === 'open' ? opens.findIndex((s) => s.value === current.value) : -1;
  const next = current?.kind === 'open' ? (opens.slice(position + 1).find((s) => s.enabled) ?? won) : undefined;
  // A closed opportunity reopens where it last was (guided selling resumes there).
  const lastOpen = [...progress.history].reverse().find((h) => opens.some((s) => s.value === h.stage))?.stage ?? opens[0]?.value;

  const move = async (stage: string, lostReason?: string) => {
    try {
      await salesApi.move(record.id, { stage, version: record.version, ...(lostReason ? { lostReason } : {}) });
      void message.success(t('common.saved'));
      onChanged();
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };
  const confirmMove = (stage: string) => {
    if (stage === progress.current) return;
    if (stage === lost.value) return setLosing(true);
    const label = textOf(progress.stages.find((s) => s.value === stage)!.label, locale);
    modal.confirm({ title: t('sales.bar.moveConfirm', { stage: label }), onOk: () => move(stage), okButtonProps: { ...{ 'data-testid': 'stage-move-ok' } } });
  };
  const tick = async (taskId: string, done: boolean) => {
    try {
      setProgress(await salesApi.tick(record.id, taskId, done));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Card style={{ marginTop: 16 }} styles={{ body: { padding: '16px 24px' } }} data-testid="stage-bar">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text strong>{t('sales.bar.title')}</Typography.Text>
        <Tag color={progress.mode === 'guided' ? 'blue' : 'default'} data-testid="stage-mode">{t(`sales.mode.${progress.mode}`)}</Tag>
        {current && <Typography.Text type="secondary">{t('sales.winRateValue', { rate: current.winRate })}</Typography.Text>}
        {current?.kind === 'lost' && typeof record.lostReason === 'string' && (
          <Typography.Text type="danger">{t('sales.bar.lostReason', { reason: textOf(progress.lostReasons.find((r) => r.value === record.lostReason)?.label ?? { zh: record.lostReason, en: record.lostReason }, locale) })}</Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {progress.canEdit && (
          <Space>
            {next && (
              <Button type="primary" onClick={() => confirmMove(next.value)} data-testid="stage-next">
                {next.kind === 'won' ? t('sales.bar.win') : t('sales.bar.next', { stage: textOf(next.label, locale) })}
              </Button>
            )}
            {current?.kind === 'open' && progress.mode === 'simple' && next?.kind !== 'won' && (
              <Button onClick={() => confirmMove(won.value)} data-testid="stage-win">{t('sales.bar.win')}</Button>
            )}
            {current?.kind === 'open' && <Button danger onClick={() => setLosing(true)} data-testid="stage-lose">{t('sales.bar.close')}</Button>}
            {current && current.kind !== 'open' && lastOpen && <Button onClick={() => confirmMove(lastOpen)} data-testid="stage-reopen">{t('sales.bar.reopen')}</Button>}
          </Space>
        )}
      </div>
      <Steps
        type="panel" size="small" current={index} status={current?.kind === 'lost' ? 'error' : current?.kind === 'won' ? 'finish' : 'process'}
        onChange={progress.canEdit ? (i) => confirmMove(steps[i]!.value) : undefined}
        items={steps.map((s) => ({ key: s.value, title: <span data-testid={`stage-step-${s.value}`}>{textOf(s.label, locale)}</span>, subTitle: `${s.winRate}%` }))}
      />
      {current?.kind === 'open' && (current.tasks.length > 0 || current.keyFieldStates.length > 0 || progress.mode === 'guided') && (
        <div style={{ marginTop: 16 }}>
          <StageChecklist stage={current} canEdit={progress.canEdit} onTick={(id, done) => void tick(id, done)} />
        </div>
      )}
      <Collapse
        ghost size="small" style={{ marginTop: 8 }}
        items={[{ key: 'history', label: <span data-testid="stage-history-toggle">{t('sales.bar.history')}（{progress.history.length}）</span>, children: <StageHistory history={progress.history} /> }]}
      />
      <LostReasonModal
        open={losing} reasons={progress.lostReasons} onCancel={() => setLosing(false)}
        onConfirm={async (reason) => {
          const done = await move(lost.value, reason);
          if (done) setLosing(false);
          return done;
        }}
      />
    </Card>
  );
}

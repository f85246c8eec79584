import { App, Button, Card, Radio, Space, Typography } from 'antd';
import type { FieldMeta } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../../../records/api';
import { salesApi } from '../api';
import { toDraft, toInput, type ProcessDraft } from './draft';
import { LostReasonsTable } from './LostReasonsTable';
import { StagesTable } from './StagesTable';

/** 系统设置 → 销售流程 (§3.7.6): mode, stages with win rates, tasks and key fields, and loss reasons; saved as one. */
export function SalesProcessSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<ProcessDraft | null>(null);
  const [fields, setFields] = useState<FieldMeta[]>([]);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    const [process, meta] = await Promise.all([salesApi.process(), recordsApi.object('opportunity')]);
    setDraft(toDraft(process));
    setFields(meta.fields);
  }, []);
  useEffect(() => { load().catch((e: Error) => void message.error(e.message)); }, [load, message]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      setDraft(toDraft(await salesApi.saveProcess(toInput(draft))));
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card data-testid="sales-process-settings" loading={!draft}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('sales.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sales.settings.intro')}</Typography.Paragraph>
      {draft && (
        <>
          <Typography.Title level={5}>{t('sales.settings.mode')}</Typography.Title>
          <Radio.Group value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value })} data-testid="sales-mode">
            <Space direction="vertical">
              <Radio value="simple" data-testid="sales-mode-simple">{t('sales.mode.simple')} <Typography.Text type="secondary">— {t('sales.mode.simpleHint')}</Typography.Text></Radio>
              <Radio value="guided" data-testid="sales-mode-guided">{t('sales.mode.guided')} <Typography.Text type="secondary">— {t('sales.mode.guidedHint')}</Typography.Text></Radio>
            </Space>
          </Radio.Group>
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('sales.settings.stages')}</Typography.Title>
          <StagesTable stages={draft.stages} fields={fields} onChange={(stages) => setDraft({ ...draft, stages })} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('sales.settings.lostReasons')}</Typography.Title>
          <LostReasonsTable reasons={draft.lostReasons} onChange={(lostReasons) => setDraft({ ...draft, lostReasons })} />
          <div style={{ marginTop: 24 }}>
            <Space>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="sales-save">{t('sales.settings.save')}</Button>
              <Button onClick={() => void load()}>{t('sales.settings.reset')}</Button>
            </Space>
          </div>
        </>
      )}
    </Card>
  );
}

import { Button, Input, Switch, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { newKey, type ReasonDraft } from './draft';

/** 输单原因: the list a user picks from when closing as lost (§4.1.7 丢单原因分析 counts them). */
export function LostReasonsTable({ reasons, onChange }: { reasons: ReasonDraft[]; onChange(reasons: ReasonDraft[]): void }) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<ReasonDraft>) => onChange(reasons.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      <Table<ReasonDraft>
        rowKey="key" size="small" pagination={false} dataSource={reasons} data-testid="reasons-table"
        columns={[
          { title: t('sales.settings.reasonName'), key: 'zh', width: 220, render: (_, r) => <Input value={r.label.zh} maxLength={100} onChange={(e) => set(r.key, { label: { ...r.label, zh: e.target.value } })} /> },
          { title: t('sales.settings.stageNameEn'), key: 'en', width: 200, render: (_, r) => <Input value={r.label.en} maxLength={100} onChange={(e) => set(r.key, { label: { ...r.label, en: e.target.value } })} /> },
          { title: t('sales.settings.enabled'), key: 'enabled', width: 70, render: (_, r) => <Switch size="small" checked={r.enabled} onChange={(enabled) => set(r.key, { enabled })} /> },
          { title: '', key: 'remove', width: 48, render: (_, r) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('sales.settings.remove')} onClick={() => onChange(reasons.filter((x) => x.key !== r.key))} /> },
        ]}
      />
      <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => onChange([...reasons, { key: newKey(), label: { zh: t('sales.settings.newReason'), en: '' }, enabled: true }])}>
        {t('sales.settings.addReason')}
      </Button>
    </>
  );
}

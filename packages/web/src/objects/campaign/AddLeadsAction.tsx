import { Alert, Button, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi, type BatchResult } from '../../records/api';
import { announceRelatedCreated } from '../../records/detail/relations';
import type { DetailAction, RecordData } from '../../records/extensions';
import { LookupSelect } from '../../records/form/LookupSelect';

/**
 * 添加 on a campaign (§3.1.2): links leads that already exist to the campaign. New leads come from
 * the page's 新建 menu with the campaign filled in; imports name the campaign per row.
 */
function AddLeads({ campaign, onChanged }: { campaign: RecordData; onChanged(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [ids, setIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<(BatchResult & { name?: string })[]>([]);
  const [error, setError] = useState<string | null>(null);

  const close = () => { setOpen(false); setIds([]); setFailed([]); setError(null); };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const results = await recordsApi.batchUpdate('lead', ids, { campaignId: campaign.id });
      const refused = results.filter((r) => !r.ok);
      announceRelatedCreated('lead');
      onChanged();
      if (refused.length === 0) close();
      else { setFailed(refused); setIds(refused.map((r) => r.id)); }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="campaign-add-leads">{t('campaign.addLeads')}</Button>
      <Modal
        open={open} title={t('campaign.addLeadsTitle', { name: campaign.name as string })} onCancel={close} onOk={() => void save()}
        okText={t('common.confirm')} okButtonProps={{ disabled: ids.length === 0, loading: saving, ...{ 'data-testid': 'campaign-add-leads-ok' } }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('campaign.addLeadsHint')}</Typography.Paragraph>
        <LookupSelect object="lead" multiple value={ids} onChange={(v) => setIds((v as string[] | null) ?? [])} data-testid="campaign-add-leads-pick" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {failed.length > 0 && (
          <Alert
            type="warning" showIcon style={{ marginTop: 12 }} data-testid="campaign-add-leads-failed"
            title={t('campaign.addLeadsFailed', { count: failed.length })}
            description={failed.map((f) => f.error?.message).join('；')}
          />
        )}
      </Modal>
    </>
  );
}

export const campaignDetailActions: DetailAction[] = [{
  key: 'campaign-add-leads', objects: ['campaign'], order: 10,
  render: ({ record, onChanged }) => <AddLeads campaign={record} onChanged={onChanged} />,
}];

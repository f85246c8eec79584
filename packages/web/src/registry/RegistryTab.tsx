import { Alert, App, Button, Empty, Space, Spin, Typography } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/me';
import { recordsApi } from '../records/api';
import type { RecordData } from '../records/extensions';
import { registryApi, withinTime, type AccountRegistry, type RegistryCompany } from './api';
import { CompanyDetails } from './CompanyDetails';
import { DETAIL_WAIT_MS } from './CompanyModal';
import { SuggestionList } from './SuggestionList';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * 工商信息 on an account's page (§3.5.2): the registration of the account's name in full, with
 * 回填 to bring the chosen fields up to date; when no registration has exactly this name, the
 * close ones, any of which can be opened (and filled, name included).
 */
export function RegistryTab({ object, record, refresh }: { object: ObjectMeta; record: RecordData; refresh: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useMe();
  const [data, setData] = useState<AccountRegistry | null>(null);
  const [picked, setPicked] = useState<{ company: RegistryCompany; fill: Record<string, unknown> } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setPicked(null);
    setFailed(null);
    withinTime(registryApi.ofAccount(record.id), DETAIL_WAIT_MS).then(
      (r) => live && setData(r),
      (e: Error) => live && setFailed(e.message === 'timeout' ? t('registry.slow') : e.message),
    );
    return () => {
      live = false;
    };
  }, [record.id, record.name]);

  if (failed) return <Alert type="warning" showIcon title={failed} data-testid="registry-soft-error" />;
  if (!data) return <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div>;
  if (data.provider === 'off') {
    return (
      <Empty description={t('registry.offHint')}>
        {can('metadata.manage') && <Link to="/settings/system/business-registry">{t('registry.settings.title')}</Link>}
      </Empty>
    );
  }
  if (data.error) return <Alert type="warning" showIcon title={data.error.message} data-testid="registry-soft-error" />;

  const shown = picked ?? (data.company ? { company: data.company, fill: data.fill } : null);
  const fillAccount = async () => {
    if (!shown) return;
    // A picked close name brings its registered name; the account's own registration already has it.
    const values: Record<string, unknown> = { ...(picked ? { name: shown.company.name } : {}), ...shown.fill };
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => !same(record[k], v)));
    if (Object.keys(changed).length === 0) {
      void message.info(t('registry.upToDate'));
      return;
    }
    setBusy(true);
    try {
      await recordsApi.update(object.key, record.id, record.version, changed);
      void message.success(t('registry.filled'));
      refresh();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (shown) {
    return (
      <div data-testid="registry-tab">
        <Space style={{ marginBottom: 12 }}>
          {picked && <Button size="small" onClick={() => setPicked(null)}>{t('registry.back')}</Button>}
          <Button type="primary" size="small" loading={busy} onClick={() => void fillAccount()} data-testid="registry-tab-fill">{t('registry.fillAccount')}</Button>
          <Typography.Text type="secondary">{t('registry.fillHint')}</Typography.Text>
        </Space>
        <CompanyDetails company={shown.company} />
      </div>
    );
  }
  return (
    <div data-testid="registry-tab">
      <Typography.Paragraph type="secondary">{t('registry.noExact', { name: record.name as string })}</Typography.Paragraph>
      {data.candidates.length === 0 ? <Empty description={t('registry.noMatch')} /> : (
        <SuggestionList
          items={data.candidates} style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6 }}
          onChoose={(s) => {
            withinTime(registryApi.company(s.creditCode), DETAIL_WAIT_MS).then(setPicked, (e: Error) => void message.warning(e.message === 'timeout' ? t('registry.slow') : e.message));
          }}
        />
      )}
    </div>
  );
}

import { Button, Card, Checkbox, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../api/useRun';
import { textOf, useLocale } from '../records/fields';
import { useObjectMeta } from '../records/useObjectMeta';
import { FILL_SOURCES, registryApi, type FillRule, type FillSource, type RegistryProviderKind, type RegistrySettings } from './api';
import { fieldsFor } from './fillFields';
import { RegistryDataCard } from './RegistryDataCard';
import { registryConfigChanged } from './useRegistryConfig';

/**
 * 系统设置 → 工商信息设置 (§3.5.2 "通过后台配置，可支持自动回填更多信息"): where registrations come
 * from (off, the offline data file, a registry service over HTTP), and which account field each
 * registry item fills when a company is chosen.
 */
export function RegistrySettingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const run = useRun();
  const { meta: account } = useObjectMeta('account');
  const [settings, setSettings] = useState<RegistrySettings | null>(null);
  const [provider, setProvider] = useState<RegistryProviderKind>('off');
  const [httpUrl, setHttpUrl] = useState('');
  const [httpKey, setHttpKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [fill, setFill] = useState<FillRule[]>([]);
  const [saving, setSaving] = useState(false);

  const show = (s: RegistrySettings) => {
    setSettings(s);
    setProvider(s.provider);
    setHttpUrl(s.httpUrl ?? '');
    setHttpKey('');
    setRemoveKey(false);
    setFill(s.fill);
  };
  const reload = () => registryApi.settings().then(show);
  useEffect(() => {
    void reload();
  }, []);

  const save = async () => {
    setSaving(true);
    await run(async () => {
      const saved = await registryApi.saveSettings({
        provider, httpUrl: httpUrl.trim() || null, fill,
        ...(removeKey ? { httpKey: null } : httpKey.trim() ? { httpKey: httpKey.trim() } : {}),
      });
      show(saved);
      registryConfigChanged({ provider: saved.provider, fill: saved.fill });
    });
    setSaving(false);
  };

  const targetOf = (source: FillSource) => fill.find((r) => r.source === source)?.target;
  const setTarget = (source: FillSource, target: string | undefined) =>
    setFill((rules) => [...rules.filter((r) => r.source !== source), ...(target ? [{ source, target }] : [])]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('registry.settings.title')} loading={!settings} data-testid="registry-settings">
        <Typography.Paragraph type="secondary">{t('registry.settings.intro')}</Typography.Paragraph>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Radio.Group
            value={provider} onChange={(e) => setProvider(e.target.value as RegistryProviderKind)} optionType="button" data-testid="registry-provider"
            options={(['off', 'offline', 'http'] as const).map((p) => ({ value: p, label: t(`registry.provider.${p}`) }))}
          />
          {provider === 'offline' && <Typography.Text type="secondary">{t('registry.settings.offlineHint')}</Typography.Text>}
          {provider === 'http' && (
            <Form layout="vertical" style={{ width: '100%', maxWidth: 560 }} component="div">
              <Form.Item label={t('registry.settings.url')} style={{ marginBottom: 8 }}>
                <Input placeholder="https://registry.example.com/api" value={httpUrl} onChange={(e) => setHttpUrl(e.target.value)} data-testid="registry-http-url" />
              </Form.Item>
              <Form.Item label={t('registry.settings.key')} style={{ marginBottom: 8 }}>
                <Input.Password
                  value={httpKey} disabled={removeKey} onChange={(e) => setHttpKey(e.target.value)} autoComplete="new-password"
                  placeholder={settings?.httpKeySet ? t('registry.settings.keyKept', { hint: settings.httpKeyHint ?? '' }) : t('registry.settings.keyNone')} data-testid="registry-http-key"
                />
              </Form.Item>
              {settings?.httpKeySet && <Checkbox checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)}>{t('registry.settings.removeKey')}</Checkbox>}
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('registry.settings.contract')}
                <pre style={{ margin: '4px 0 0', fontSize: 12 }}>{'GET {url}/search?keyword=…&limit=10      → { "items": [ { "creditCode", "name", … } ] }\nGET {url}/companies/{creditCode}         → { "creditCode", "name", "address", "phone", "website", … }\nX-Api-Key: <key>'}</pre>
              </Typography.Paragraph>
            </Form>
          )}
          <Typography.Title level={5} style={{ marginTop: 8 }}>{t('registry.settings.fillTitle')}</Typography.Title>
          <Typography.Text type="secondary">{t('registry.settings.fillIntro')}</Typography.Text>
          <Table<{ source: FillSource }>
            size="small" rowKey="source" pagination={false} style={{ maxWidth: 560 }} data-testid="registry-fill-rules"
            dataSource={FILL_SOURCES.map((source) => ({ source }))}
            columns={[
              { title: t('registry.settings.source'), render: (_, r) => t(`registry.attr.${r.source}`) },
              {
                title: t('registry.settings.target'),
                render: (_, r) => {
                  const taken = new Set(fill.filter((x) => x.source !== r.source).map((x) => x.target));
                  const options = account ? fieldsFor(account, r.source).filter((f) => !taken.has(f.key)).map((f) => ({ value: f.key, label: textOf(f.label, locale) })) : [];
                  return (
                    <Select
                      style={{ width: 220 }} allowClear placeholder={t('registry.settings.noFill')} value={targetOf(r.source)} options={options}
                      onChange={(v: string | undefined) => setTarget(r.source, v)} data-testid={`registry-fill-${r.source}`}
                    />
                  );
                },
              },
            ]}
          />
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="registry-save">{t('common.save')}</Button>
        </Space>
      </Card>
      {settings && <RegistryDataCard offline={settings.offline} onChanged={() => void registryApi.settings().then((s) => setSettings((cur) => (cur ? { ...cur, offline: s.offline } : s)))} />}
    </Space>
  );
}

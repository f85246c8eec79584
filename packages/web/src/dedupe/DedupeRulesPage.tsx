import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { useRun } from '../api/useRun';
import { useCurrentUser } from '../auth/me';
import { dedupeApi, DEDUPE_OBJECTS, type DedupeRules, type MatchKind, type RuleField } from './api';
import { rulesChanged } from './useRules';

const MAX_FIELDS = 5;
const COMPARABLE = new Set(['text', 'phone', 'email']);

/** 系统设置 → 查重规则: per object, which fields are compared, exactly or fuzzily, and how strictly. */
export function DedupeRulesPage() {
  const { t } = useTranslation();
  const { locale } = useCurrentUser();
  const run = useRun();
  const [objects, setObjects] = useState<ObjectMeta[]>([]);
  const [objectKey, setObjectKey] = useState('lead');
  const [rules, setRules] = useState<DedupeRules | null>(null);
  const [saving, setSaving] = useState(false);
  const labelOf = (x: { label: { zh: string; en: string } }) => (locale === 'en-US' ? x.label.en : x.label.zh);

  useEffect(() => {
    void get<{ items: ObjectMeta[] }>('/api/v1/metadata/objects').then((r) => setObjects(r.items.filter((o) => DEDUPE_OBJECTS.includes(o.key))));
  }, []);
  useEffect(() => {
    setRules(null);
    void dedupeApi.rules(objectKey).then(setRules);
  }, [objectKey]);

  const object = objects.find((o) => o.key === objectKey);
  const eligible = (object?.fields ?? []).filter((f) => COMPARABLE.has(f.type) && !f.retired);
  const fieldOf = (key: string): FieldMeta | undefined => eligible.find((f) => f.key === key);
  const change = (next: Partial<DedupeRules>) => setRules((r) => (r ? { ...r, ...next } : r));
  const setField = (i: number, next: Partial<RuleField>) => change({ fields: rules!.fields.map((f, j) => (j === i ? { ...f, ...next } : f)) });
  const unused = eligible.filter((f) => !rules?.fields.some((r) => r.field === f.key));

  const save = async () => {
    if (!rules) return;
    setSaving(true);
    await run(async () => {
      const saved = await dedupeApi.saveRules(objectKey, { enabled: rules.enabled, fields: rules.fields });
      setRules(saved);
      rulesChanged(saved);
    });
    setSaving(false);
  };

  return (
    <Card title={t('dedupe.rules.title')} data-testid="dedupe-rules">
      <Typography.Paragraph type="secondary">{t('dedupe.rules.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('dedupe.rules.object')}</span>
        <Select style={{ width: 180 }} value={objectKey} onChange={setObjectKey} options={objects.map((o) => ({ value: o.key, label: labelOf(o) }))} data-testid="dedupe-object" />
        {rules && <Switch checked={rules.enabled} onChange={(enabled) => change({ enabled })} />}
        <span>{t('dedupe.rules.enabled')}</span>
        {rules?.isDefault && <Tag>{t('dedupe.rules.default')}</Tag>}
      </Space>
      {rules && object && (
        <>
          <Table<RuleField & { index: number }>
            size="small"
            rowKey="field"
            pagination={false}
            locale={{ emptyText: <Empty description={t('dedupe.rules.empty')} /> }}
            dataSource={rules.fields.map((f, index) => ({ ...f, index }))}
            columns={[
              {
                title: t('dedupe.rules.field'),
                render: (_, r) => (
                  <Select style={{ width: 180 }} value={r.field}
                    options={[fieldOf(r.field), ...unused].filter((f): f is FieldMeta => !!f).map((f) => ({ value: f.key, label: labelOf(f) }))}
                    onChange={(field: string) => setField(r.index, { field, ...(fieldOf(field)?.type !== 'text' ? { match: 'exact' as const, threshold: undefined } : {}) })} />
                ),
              },
              {
                title: t('dedupe.rules.match'),
                render: (_, r) => (
                  <Select style={{ width: 120 }} value={r.match}
                    options={[{ value: 'exact', label: t('dedupe.rules.exact') }, ...(fieldOf(r.field)?.type === 'text' ? [{ value: 'fuzzy', label: t('dedupe.rules.fuzzy') }] : [])]}
                    onChange={(match: MatchKind) => setField(r.index, { match, threshold: match === 'fuzzy' ? r.threshold ?? 0.5 : undefined })} />
                ),
              },
              {
                title: t('dedupe.rules.threshold'),
                render: (_, r) => r.match === 'fuzzy' && (
                  <Space>
                    <InputNumber min={0.1} max={1} step={0.05} value={r.threshold ?? 0.5} onChange={(v) => setField(r.index, { threshold: v ?? 0.5 })} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dedupe.rules.thresholdHint')}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: '',
                width: 60,
                render: (_, r) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('dedupe.rules.remove')} onClick={() => change({ fields: rules.fields.filter((_f, j) => j !== r.index) })} />,
              },
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <Button icon={<PlusOutlined />} disabled={!unused.length || rules.fields.length >= MAX_FIELDS}
              onClick={() => change({ fields: [...rules.fields, { field: unused[0]!.key, match: unused[0]!.type === 'text' ? 'fuzzy' : 'exact', ...(unused[0]!.type === 'text' ? { threshold: 0.5 } : {}) }] })}>
              {t('dedupe.rules.add')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="dedupe-save">{t('common.save')}</Button>
          </Space>
        </>
      )}
    </Card>
  );
}

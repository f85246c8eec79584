import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { registryApi, type RegistrySettings } from './api';

interface LineError { line: number; message: string }

/** 离线工商数据: what the offline registry holds; load the bundled sample, a data file, or empty it. */
export function RegistryDataCard({ offline, onChanged }: { offline: RegistrySettings['offline']; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'sample' | 'file' | 'clear' | null>(null);
  const [problems, setProblems] = useState<{ message: string; errors: LineError[] } | null>(null);

  const act = async (kind: 'sample' | 'file' | 'clear', action: () => Promise<{ count: number } | void>) => {
    setBusy(kind);
    setProblems(null);
    try {
      const result = await action();
      void message.success(result ? t('registry.data.loaded', { count: result.count }) : t('registry.data.cleared'));
      onChanged();
    } catch (e) {
      const errors = e instanceof ApiError ? (e.details as { errors?: LineError[] } | undefined)?.errors : undefined;
      if (errors?.length) setProblems({ message: (e as Error).message, errors });
      else void message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const source = offline.source === 'sample' ? t('registry.data.sample') : offline.source === 'file' ? offline.fileName : null;
  return (
    <Card title={t('registry.data.title')} data-testid="registry-data">
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }} items={[
        { key: 'count', label: t('registry.data.count'), children: <span data-testid="registry-data-count">{offline.count.toLocaleString(i18n.language)}</span> },
        { key: 'source', label: t('registry.data.source'), children: source ?? '—' },
        { key: 'loadedAt', label: t('registry.data.loadedAt'), children: offline.loadedAt ? new Date(offline.loadedAt).toLocaleString(i18n.language) : '—' },
      ]} />
      <Space wrap>
        <Popconfirm title={t('registry.data.replaceConfirm')} onConfirm={() => void act('sample', registryApi.loadSample)} okButtonProps={{ ...{ 'data-testid': 'registry-sample-ok' } }}>
          <Button loading={busy === 'sample'} data-testid="registry-load-sample">{t('registry.data.loadSample')}</Button>
        </Popconfirm>
        <Upload accept=".csv,.jsonl,.ndjson,.json,.txt" showUploadList={false} beforeUpload={(file) => { void act('file', () => registryApi.uploadData(file)); return false; }}>
          <Button icon={<UploadOutlined />} loading={busy === 'file'} data-testid="registry-upload">{t('registry.data.upload')}</Button>
        </Upload>
        <Popconfirm title={t('registry.data.clearConfirm')} onConfirm={() => void act('clear', registryApi.clearData)} disabled={offline.count === 0}>
          <Button danger icon={<DeleteOutlined />} loading={busy === 'clear'} disabled={offline.count === 0}>{t('registry.data.clear')}</Button>
        </Popconfirm>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('registry.data.format')}</Typography.Paragraph>
      {problems && (
        <Alert
          type="error" showIcon style={{ marginTop: 12 }} title={problems.message} data-testid="registry-upload-errors"
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.errors.map((e) => <li key={e.line}>{t('registry.data.line', { line: e.line })}：{e.message}</li>)}</ul>}
        />
      )}
    </Card>
  );
}

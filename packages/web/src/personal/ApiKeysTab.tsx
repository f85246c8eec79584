import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { personalApi, type ApiKey } from './api';
import { useRun } from '../api/useRun';

/** 个人设置 → API 密钥: list, create (the key is shown once), revoke. */
export function ApiKeysTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const act = useRun();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);

  const reload = useCallback(async () => setKeys(await personalApi.apiKeys()), []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(me.locale) : t('personal.apiKeys.never'));

  const create = async () => {
    const ok = await act(async () => setCreated(await personalApi.createApiKey(name.trim())), null);
    if (ok) {
      setName('');
      await reload();
    }
  };

  const revoke = async (key: ApiKey) => {
    if (await act(() => personalApi.revokeApiKey(key.id), t('personal.apiKeys.revoked'))) await reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0, maxWidth: 720 }}>
        {t('personal.apiKeys.intro')} <a href="/api/docs" target="_blank" rel="noreferrer">{t('personal.apiKeys.docs')}</a>
      </Typography.Paragraph>
      <Space.Compact style={{ width: 420 }}>
        <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('personal.apiKeys.namePlaceholder')} maxLength={100} data-testid="api-key-name" />
        <Button type="primary" icon={<KeyOutlined />} disabled={!name.trim()} onClick={() => void create()} data-testid="api-key-create">
          {t('personal.apiKeys.create')}
        </Button>
      </Space.Compact>
      <Table
        rowKey="id"
        size="small"
        loading={!keys}
        dataSource={keys ?? []}
        pagination={false}
        columns={[
          { title: t('personal.apiKeys.name'), dataIndex: 'name' },
          { title: t('personal.apiKeys.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>…{prefix}…</Typography.Text> },
          { title: t('personal.apiKeys.created'), dataIndex: 'createdAt', render: when },
          { title: t('personal.apiKeys.lastUsed'), dataIndex: 'lastUsedAt', render: when },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, key: ApiKey) => (
              <Popconfirm title={t('personal.apiKeys.revokeConfirm', { name: key.name })} okButtonProps={{ danger: true }} onConfirm={() => revoke(key)}>
                <Button type="link" danger size="small">{t('personal.apiKeys.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={!!created} title={t('personal.apiKeys.createdTitle')} onCancel={() => setCreated(null)} footer={<Button type="primary" onClick={() => setCreated(null)}>{t('common.confirm')}</Button>}>
        <Alert type="warning" showIcon title={t('personal.apiKeys.showOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created?.key }} code data-testid="api-key-secret" style={{ wordBreak: 'break-all' }}>
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}

import { App, Button, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { UserAddOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from '../../org/UserPicker';
import { recordsApi, type TeamMember } from '../api';
import type { RecordData } from '../extensions';

type Access = TeamMember['access'];

/**
 * 团队成员 (§3.5.4): colleagues who may read the record, or read and edit it. The owner needs no
 * seat; adding, changing and removing is for those who manage the record (the server decides).
 */
export function TeamTab({ meta, record }: { meta: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [access, setAccess] = useState<Access>('read');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => recordsApi.team(meta.key, record.id).then(setMembers, (e: Error) => {
    setMembers([]);
    void message.error(e.message);
  }), [meta.key, record.id, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      await load();
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    if (!userId) return;
    if (await act(() => recordsApi.setTeamMember(meta.key, record.id, userId, access), t('records.team.added'))) setUserId(null);
  };

  const accessOptions = [{ value: 'read', label: t('records.team.read') }, { value: 'write', label: t('records.team.write') }];

  return (
    <div data-testid="team-tab">
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 240 }}>
          <UserPicker value={userId} onChange={setUserId} excludeId={record.ownerId as string | undefined} data-testid="team-user" />
        </div>
        <Radio.Group value={access} onChange={(e) => setAccess(e.target.value as Access)} options={accessOptions} optionType="button" data-testid="team-access" />
        <Button type="primary" icon={<UserAddOutlined />} disabled={!userId} loading={busy} onClick={() => void add()} data-testid="team-add">
          {t('records.team.add')}
        </Button>
      </Space>
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('records.team.owner')}：</Typography.Text>
        <Typography.Text strong>{record.display?.ownerId ?? '—'}</Typography.Text>
      </div>
      <Table<TeamMember>
        rowKey="userId" size="small" loading={members === null} dataSource={members ?? []} pagination={false} data-testid="team-members"
        locale={{ emptyText: t('records.team.empty') }}
        onRow={(m) => ({ 'data-testid': `team-member-${m.name}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('records.team.member'), dataIndex: 'name' },
          {
            key: 'access', title: t('records.team.access'),
            render: (_: unknown, m: TeamMember) => (
              <Select<Access>
                size="small" value={m.access} options={accessOptions} style={{ width: 110 }} aria-label={t('records.team.access')}
                onChange={(next) => void act(() => recordsApi.setTeamMember(meta.key, record.id, m.userId, next), t('common.saved'))}
              />
            ),
          },
          { key: 'addedAt', title: t('records.team.addedAt'), render: (_: unknown, m: TeamMember) => dayjs(m.addedAt).format('YYYY-MM-DD HH:mm') },
          {
            key: 'actions', title: t('common.actions'), width: 100,
            render: (_: unknown, m: TeamMember) => (
              <Popconfirm title={t('records.team.removeConfirm', { name: m.name })} onConfirm={() => act(() => recordsApi.removeTeamMember(meta.key, record.id, m.userId), t('records.team.removed'))}>
                <Button size="small" type="link" danger data-testid={`team-remove-${m.name}`}>{t('records.team.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}

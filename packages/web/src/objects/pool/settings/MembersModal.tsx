import { Alert, App, Button, Modal, Space, Spin, Switch, Table } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { PoolGroup, PoolMember, PoolObjectKey } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { poolApi } from '../api';
import { PickUser } from './PickUser';

interface Props {
  object: PoolObjectKey;
  group: PoolGroup;
  onClose(): void;
  onSaved(): void;
}

/**
 * A group's members (only they see its records) and which of them administer it (分组管理员: they
 * assign, move, recycle and abandon). In a 全员可见 group everyone is a member; those listed here
 * are the ones with a role to play.
 */
export function MembersModal({ object, group, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [members, setMembers] = useState<PoolMember[] | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    poolApi.group(object, group.id).then((d) => setMembers(d.members), (e: Error) => { void message.error(e.message); setMembers([]); });
  }, [object, group.id]);

  const update = (userId: string, patch: Partial<PoolMember>) =>
    setMembers((list) => (list ?? []).map((m) => (m.userId === userId ? { ...m, ...patch } : m)));

  const save = async () => {
    if (!members) return;
    setSaving(true);
    try {
      await poolApi.setMembers(object, group.id, members.map((m) => ({ userId: m.userId, isAdmin: m.isAdmin })));
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open width={640} title={t('pool.members.title', { name: group.name })} onCancel={onClose} onOk={() => void save()}
      okButtonProps={{ loading: saving, disabled: !members, ...{ 'data-testid': 'pool-members-save' } }}
    >
      {group.everyone && <Alert type="info" showIcon title={t('pool.members.everyoneHint')} style={{ marginBottom: 12 }} />}
      {!members ? <Spin /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <PickUser
            data-testid="pool-members-add" placeholder={t('pool.members.add')} excludeIds={members.map((m) => m.userId)}
            onPick={(u) => setMembers([...members, { userId: u.id, name: u.name, departmentName: u.departmentName, isAdmin: false }])}
          />
          <Table<PoolMember>
            rowKey="userId" size="small" pagination={false} dataSource={members} data-testid="pool-members"
            locale={{ emptyText: t('pool.members.empty') }}
            columns={[
              { key: 'name', title: t('pool.members.name'), render: (_, m) => m.name },
              { key: 'department', title: t('pool.members.department'), render: (_, m) => m.departmentName ?? '' },
              {
                key: 'admin', title: t('pool.members.admin'), width: 90,
                render: (_, m) => <Switch size="small" checked={m.isAdmin} onChange={(on) => update(m.userId, { isAdmin: on })} data-testid={`pool-member-admin-${m.name}`} />,
              },
              {
                key: 'remove', width: 48,
                render: (_, m) => (
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')}
                    onClick={() => setMembers(members.filter((x) => x.userId !== m.userId))} />
                ),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}

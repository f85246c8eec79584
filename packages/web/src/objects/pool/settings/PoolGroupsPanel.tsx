import { App, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../../api/useRun';
import { poolApi } from '../api';
import { usePoolGroups } from '../usePoolGroups';
import { AssignRulesDrawer } from './AssignRulesDrawer';
import { GroupFormModal } from './GroupFormModal';
import { MembersModal } from './MembersModal';
import { RecyclePreviewModal } from './RecyclePreviewModal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'members' | 'rules' | 'preview'; group: PoolGroup } | null;

/** One pool's groups: how each is claimed, what returns to it, and the doors to its members and rules. */
export function PoolGroupsPanel({ object }: { object: PoolObjectKey }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const run = useRun();
  const { groups, reload } = usePoolGroups(object);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const recycleText = (g: PoolGroup) => {
    const rules = [
      g.recycleIdleDays ? t('pool.rule.idleText', { days: g.recycleIdleDays }) : null,
      g.recycleUnconvertedDays ? t(`pool.rule.${object}.unconvertedText`, { days: g.recycleUnconvertedDays }) : null,
    ].filter(Boolean);
    return rules.length ? rules.join('；') : t('pool.rule.none');
  };

  const confirmDelete = (g: PoolGroup) => modal.confirm({
    title: t('pool.group.deleteConfirm', { name: g.name }), content: t('pool.group.deleteHint'),
    okButtonProps: { danger: true, ...{ 'data-testid': 'pool-group-delete-ok' } },
    onOk: () => run(() => poolApi.deleteGroup(object, g.id), t('pool.group.deleted')).then((ok) => { if (ok) void reload(); }),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="pool-group-create">{t('pool.group.create')}</Button>
      </div>
      <Table<PoolGroup>
        rowKey="id" size="middle" loading={!groups} scroll={{ x: 'max-content' }} dataSource={groups ?? []} pagination={false} data-testid={`pool-groups-${object}`}
        onRow={(g) => ({ 'data-testid': `pool-group-row-${g.name}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'name', title: t('pool.group.name'), render: (_, g) => <Space style={{ whiteSpace: 'nowrap' }}>{g.name}{g.isDefault && <Tag>{t('pool.group.default')}</Tag>}</Space> },
          { key: 'everyone', title: t('pool.group.everyone'), render: (_, g) => (g.everyone ? t('common.yes') : t('common.no')) },
          { key: 'claimMode', title: t('pool.group.claimMode'), render: (_, g) => t(`pool.claimMode.${g.claimMode}`) },
          { key: 'maxHeld', title: t('pool.group.maxHeld'), render: (_, g) => g.maxHeld ?? t('pool.group.unlimited') },
          { key: 'recycle', title: t('pool.group.recycle'), render: (_, g) => recycleText(g) },
          { key: 'poolCount', title: t('pool.group.poolCount'), dataIndex: 'poolCount', width: 90 },
          {
            key: 'actions', title: t('common.actions'), width: 240, fixed: 'right',
            render: (_, g) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', group: g })} data-testid="pool-group-edit">{t('common.edit')}</Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'members', group: g })} data-testid="pool-group-members">{t('pool.members.open')}</Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'rules', group: g })} data-testid="pool-group-rules">{t('pool.rules.open')}</Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'preview', group: g })} data-testid="pool-group-preview">{t('pool.preview.open')}</Button>
                {!g.isDefault && <Button type="link" size="small" danger onClick={() => confirmDelete(g)} data-testid="pool-group-delete">{t('common.delete')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <GroupFormModal
        object={object} open={dialog?.kind === 'create' || dialog?.kind === 'edit'} group={dialog?.kind === 'edit' ? dialog.group : undefined}
        onClose={close} onSaved={() => { close(); void reload(); }}
      />
      {dialog?.kind === 'members' && <MembersModal object={object} group={dialog.group} onClose={close} onSaved={() => { close(); void reload(); }} />}
      {dialog?.kind === 'rules' && <AssignRulesDrawer object={object} group={dialog.group} onClose={close} />}
      {dialog?.kind === 'preview' && <RecyclePreviewModal object={object} group={dialog.group} onClose={close} />}
    </>
  );
}

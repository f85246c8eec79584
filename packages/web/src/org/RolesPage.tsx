import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useMe } from '../auth/me';
import { orgApi, type PermissionInfo, type Role } from './api';
import { permissionName, roleName } from './names';
import { RoleFormModal } from './RoleFormModal';
import { useRoles } from './useRoles';
import { useRun } from '../api/useRun';

/**
 * 系统设置 → 角色权限: the function-permission matrix, one row per permission and one column per role.
 * A tick saves at once; the role's users have the new permission at their next request.
 */
export function RolesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { can } = useMe();
  const { modal } = App.useApp();
  const run = useRun();
  const { roles, permissions, loading, reload } = useRoles();
  const [editing, setEditing] = useState<'new' | Role | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const editable = can('role.manage');

  const toggle = async (role: Role, permission: string, on: boolean) => {
    setSaving(role.id);
    const next = on ? [...role.permissions, permission] : role.permissions.filter((p) => p !== permission);
    await run(() => orgApi.updateRole(role.id, { permissions: next }));
    await reload();
    setSaving(null);
  };

  const remove = (role: Role) =>
    modal.confirm({
      title: t('org.role.deleteConfirm', { name: roleName(role, me.locale) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (await run(() => orgApi.deleteRole(role.id), t('org.role.deleted'))) await reload();
      },
    });

  const roleHeader = (role: Role) => (
    <Space orientation="vertical" size={0} style={{ textAlign: 'center' }}>
      <Typography.Text strong>{roleName(role, me.locale)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('org.role.members', { count: role.memberCount })}</Typography.Text>
      {editable && (
        <Space size={0}>
          <Tooltip title={t('org.role.rename')}>
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(role)} aria-label={t('org.role.rename')} />
          </Tooltip>
          {!role.builtIn && (
            <Tooltip title={t('common.delete')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(role)} data-testid={`role-delete-${role.nameEn}`} aria-label={t('common.delete')} />
            </Tooltip>
          )}
        </Space>
      )}
    </Space>
  );

  return (
    <Card
      title={t('org.roles.title')}
      extra={editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-role">{t('org.role.create')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('org.roles.hint')}</Typography.Paragraph>
      <Table<PermissionInfo>
        data-testid="role-matrix"
        rowKey="key"
        size="middle"
        loading={loading}
        pagination={false}
        bordered
        scroll={{ x: 200 + roles.length * 130 }}
        dataSource={permissions}
        columns={[
          { title: t('org.role.permission'), key: 'permission', fixed: 'left', width: 200, render: (_, p) => permissionName(p, me.locale) },
          ...roles.map((role) => ({
            title: roleHeader(role),
            key: role.id,
            width: 130,
            align: 'center' as const,
            render: (_: unknown, p: PermissionInfo) => (
              <Checkbox
                data-testid={`perm-${role.key ?? role.nameEn}-${p.key}`}
                checked={role.permissions.includes(p.key)}
                // The administrator role always holds every permission.
                disabled={!editable || role.key === 'admin' || saving === role.id}
                onChange={(e) => void toggle(role, p.key, e.target.checked)}
              />
            ),
          })),
        ]}
      />
      <RoleFormModal
        editing={editing}
        permissions={permissions}
        onClose={() => setEditing(null)}
        onSaved={() => void reload()}
      />
    </Card>
  );
}

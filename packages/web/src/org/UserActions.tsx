import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { orgApi, type Department, type OrgUser, type Role } from './api';
import { UserActionModals, type UserAction } from './UserActionModals';
import { useRun } from '../api/useRun';

interface Props {
  user: OrgUser;
  departments: Department[];
  roles: Role[];
  onEdit(user: OrgUser): void;
  onChanged(): void;
  /** Shows a temporary password after a reset. */
  onPassword(user: OrgUser, password: string): void;
}

/** The 操作 cell of a user row: 编辑, and 更多 (department, superior, roles, reset password, disable/enable). */
export function UserActions({ user, departments, roles, onEdit, onChanged, onPassword }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const me = useCurrentUser();
  const run = useRun();
  const [action, setAction] = useState<UserAction | null>(null);

  const resetPassword = () =>
    modal.confirm({
      title: t('org.user.resetConfirm', { name: user.name }),
      content: t('org.user.resetHint'),
      onOk: async () => {
        let password: string | null = null;
        const ok = await run(async () => {
          password = (await orgApi.resetPassword(user.id)).temporaryPassword;
        });
        if (ok && password) onPassword(user, password);
      },
    });

  const toggleStatus = () =>
    modal.confirm({
      title: user.status === 'active' ? t('org.user.disableConfirm', { name: user.name }) : t('org.user.enableConfirm', { name: user.name }),
      content: user.status === 'active' ? t('org.user.disableHint') : undefined,
      okButtonProps: { danger: user.status === 'active' },
      onOk: async () => {
        if (await run(() => (user.status === 'active' ? orgApi.disableUser(user.id) : orgApi.enableUser(user.id)))) onChanged();
      },
    });

  const items = [
    { key: 'move', label: t('org.user.move'), onClick: () => setAction('move') },
    { key: 'superior', label: t('org.user.setSuperior'), onClick: () => setAction('superior') },
    { key: 'roles', label: t('org.user.setRoles'), onClick: () => setAction('roles') },
    { key: 'reset', label: t('org.user.resetPassword'), onClick: resetPassword },
    { type: 'divider' as const },
    user.status === 'active'
      ? { key: 'disable', label: t('org.user.disable'), danger: true, disabled: user.id === me.id, onClick: toggleStatus }
      : { key: 'enable', label: t('org.user.enable'), onClick: toggleStatus },
  ];

  return (
    <Space size={4}>
      <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`edit-user-${user.login}`}>{t('common.edit')}</Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="link" size="small" data-testid={`user-more-${user.login}`}>
          {t('org.user.more')} <DownOutlined />
        </Button>
      </Dropdown>
      {action && (
        <UserActionModals
          action={action}
          user={user}
          departments={departments}
          roles={roles}
          onClose={() => setAction(null)}
          onChanged={onChanged}
        />
      )}
    </Space>
  );
}

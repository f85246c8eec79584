import { Avatar, Space, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import type { Department, OrgUser, Role } from './api';
import { roleName } from './names';
import { UserActions } from './UserActions';

interface Props {
  users: OrgUser[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  departments: Department[];
  roles: Role[];
  onEdit(user: OrgUser): void;
  onChanged(): void;
  onPassword(user: OrgUser, password: string): void;
  testId?: string;
  /** Narrow places (组织架构's member list) leave out the contact columns. */
  compact?: boolean;
}

/** Users with their department, superior, roles and status, and the actions on each (用户管理 and 组织架构 members). */
export function UserTable({ users, loading, pagination, departments, roles, onEdit, onChanged, onPassword, testId, compact }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Table<OrgUser>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={pagination}
      scroll={{ x: compact ? 860 : 1090 }}
      columns={[
        {
          title: t('org.user.name'), key: 'name', fixed: 'left', width: 180,
          render: (_, u) => (
            <Space>
              <Avatar size="small" src={u.avatarUrl ?? undefined}>{u.name.slice(-2)}</Avatar>
              <span>
                <Typography.Text strong={u.status === 'active'} delete={u.status === 'disabled'}>{u.name}</Typography.Text>
                {u.title && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{u.title}</Typography.Text>}
              </span>
            </Space>
          ),
        },
        { title: t('org.user.login'), dataIndex: 'login', width: 130 },
        { title: t('org.user.department'), dataIndex: 'departmentName', width: 130 },
        { title: t('org.user.superior'), dataIndex: 'superiorName', width: 100, render: (v: string | null) => v ?? '—' },
        {
          title: t('org.user.roles'), key: 'roles', width: 180,
          render: (_, u) => u.roles.map((r) => <Tag key={r.id} color={r.key === 'admin' ? 'gold' : undefined}>{roleName(r, me.locale)}</Tag>),
        },
        ...(compact ? [] : [{ title: t('org.user.mobile'), dataIndex: 'mobile', width: 130, render: (v: string | null) => v ?? '—' }]),
        {
          title: t('org.user.status'), dataIndex: 'status', width: 90,
          render: (status: OrgUser['status']) => <Tag color={status === 'active' ? 'green' : 'default'}>{t(`org.status.${status}`)}</Tag>,
        },
        {
          title: t('common.actions'), key: 'actions', fixed: 'right', width: 150,
          render: (_, u) => (
            <UserActions user={u} departments={departments} roles={roles} onEdit={onEdit} onChanged={onChanged} onPassword={onPassword} />
          ),
        },
      ]}
    />
  );
}

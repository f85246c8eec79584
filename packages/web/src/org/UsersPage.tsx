import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi, type OrgUser, type UserFilter } from './api';
import { DepartmentTreeSelect } from './DepartmentTreeSelect';
import { useDepartments } from './useDepartments';
import { UserEditorDialogs } from './UserEditorDialogs';
import { useRoles } from './useRoles';
import { useUserEditing } from './useUserEditing';
import { UserTable } from './UserTable';

/** 系统设置 → 用户管理: every user of the company, filtered and paged, with create / edit and the per-user actions. */
export function UsersPage() {
  const { t } = useTranslation();
  const { departments } = useDepartments();
  const { roles } = useRoles();
  const editing = useUserEditing();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20, includeSubDepartments: true });
  const [users, setUsers] = useState<OrgUser[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await orgApi.users(filter);
      setUsers(answer.items);
      setTotal(answer.total);
    } finally {
      setLoading(false);
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const refine = (change: Partial<UserFilter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));

  return (
    <Card
      title={t('org.users.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={editing.startCreate} data-testid="create-user">{t('org.user.create')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DepartmentTreeSelect
          departments={departments}
          value={filter.departmentId}
          onChange={(departmentId) => refine({ departmentId: departmentId ?? undefined })}
          allowClear
          placeholder={t('org.users.allDepartments')}
          style={{ width: 220 }}
        />
        <Checkbox checked={filter.includeSubDepartments} onChange={(e) => refine({ includeSubDepartments: e.target.checked })}>
          {t('org.users.includeSub')}
        </Checkbox>
        <Select
          allowClear
          placeholder={t('org.users.allStatuses')}
          style={{ width: 120 }}
          value={filter.status}
          onChange={(status) => refine({ status })}
          options={[{ value: 'active', label: t('org.status.active') }, { value: 'disabled', label: t('org.status.disabled') }]}
        />
        <Input.Search
          allowClear
          placeholder={t('org.users.keyword')}
          style={{ width: 260 }}
          onSearch={(keyword) => refine({ keyword: keyword.trim() || undefined })}
          data-testid="user-search"
        />
      </Space>
      <UserTable
        testId="user-table"
        users={users}
        loading={loading}
        departments={departments}
        roles={roles}
        pagination={{
          current: filter.page, pageSize: filter.pageSize, total, showSizeChanger: true,
          showTotal: (n) => t('org.users.total', { count: n }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        onEdit={editing.startEdit}
        onChanged={() => void load()}
        onPassword={editing.showPassword}
      />
      <UserEditorDialogs editing={editing} defaultDepartmentId={filter.departmentId} departments={departments} roles={roles} onSaved={() => void load()} />
    </Card>
  );
}

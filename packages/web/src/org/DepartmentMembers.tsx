import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Switch, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi, type Department, type OrgUser, type Role } from './api';
import { UserEditorDialogs } from './UserEditorDialogs';
import { useUserEditing } from './useUserEditing';
import { UserTable } from './UserTable';

interface Props {
  department: Department;
  departments: Department[];
  roles: Role[];
  /** The member count in the tree changes with moves and creates. */
  onMembersChanged(): void;
}

/** The people of the selected department (optionally with everyone below it), with the user actions. */
export function DepartmentMembers({ department, departments, roles, onMembersChanged }: Props) {
  const { t } = useTranslation();
  const editing = useUserEditing();
  const [withSub, setWithSub] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [users, setUsers] = useState<OrgUser[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await orgApi.users({ departmentId: department.id, includeSubDepartments: withSub, ...page });
      setUsers(answer.items);
      setTotal(answer.total);
    } finally {
      setLoading(false);
    }
  }, [department.id, withSub, page]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setPage((p) => ({ ...p, page: 1 })), [department.id, withSub]);

  const changed = () => {
    void load();
    onMembersChanged();
  };

  return (
    <Card
      title={t('org.department.members')}
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <Switch checked={withSub} onChange={setWithSub} /> {t('org.users.includeSub')}
          <Button icon={<PlusOutlined />} onClick={editing.startCreate} data-testid="department-add-user">{t('org.user.createHere')}</Button>
        </Space>
      }
    >
      <UserTable
        testId="department-members"
        compact
        users={users}
        loading={loading}
        departments={departments}
        roles={roles}
        pagination={{ current: page.page, pageSize: page.pageSize, total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onEdit={editing.startEdit}
        onChanged={changed}
        onPassword={editing.showPassword}
      />
      <UserEditorDialogs editing={editing} defaultDepartmentId={department.id} departments={departments} roles={roles} onSaved={changed} />
    </Card>
  );
}

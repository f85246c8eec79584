import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { orgApi, type Department, type OrgUser, type Role } from './api';
import { DepartmentTreeSelect } from './DepartmentTreeSelect';
import { FormModal } from './FormModal';
import { roleName } from './names';
import { UserPicker } from './UserPicker';
import { useRun } from '../api/useRun';

export type UserAction = 'move' | 'superior' | 'roles';

interface Props {
  action: UserAction | null;
  user: OrgUser;
  departments: Department[];
  roles: Role[];
  onClose(): void;
  onChanged(): void;
}

/** The dialogs behind 调整部门 / 设置上级 / 分配角色 for one user. */
export function UserActionModals({ action, user, departments, roles, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const run = useRun();
  const save = async (work: () => Promise<unknown>) => {
    const ok = await run(work);
    if (ok) onChanged();
    return ok;
  };

  return (
    <>
      <FormModal<{ departmentId: string }>
        open={action === 'move'}
        title={t('org.user.moveTitle', { name: user.name })}
        initialValues={{ departmentId: user.departmentId }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.moveUser(user.id, v.departmentId))}
        testId="move-user-form"
      >
        <Form.Item name="departmentId" label={t('org.user.department')} rules={[{ required: true, message: t('common.required') }]}>
          <DepartmentTreeSelect departments={departments} />
        </Form.Item>
      </FormModal>

      <FormModal<{ superiorId: string | null }>
        open={action === 'superior'}
        title={t('org.user.superiorTitle', { name: user.name })}
        initialValues={{ superiorId: user.superiorId }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.setSuperior(user.id, v.superiorId ?? null))}
        testId="superior-form"
      >
        <Form.Item name="superiorId" label={t('org.user.superior')} extra={t('org.user.superiorHint')}>
          <UserPicker initialLabel={user.superiorName} excludeId={user.id} />
        </Form.Item>
      </FormModal>

      <FormModal<{ roleIds: string[] }>
        open={action === 'roles'}
        title={t('org.user.rolesTitle', { name: user.name })}
        initialValues={{ roleIds: user.roles.map((r) => r.id) }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.setRoles(user.id, v.roleIds))}
        testId="roles-form"
      >
        <Form.Item name="roleIds" label={t('org.user.roles')} rules={[{ required: true, message: t('common.required') }]}>
          <Select mode="multiple" options={roles.map((r) => ({ value: r.id, label: roleName(r, me.locale) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}

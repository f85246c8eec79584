import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { orgApi, type Department, type OrgUser, type Role } from './api';
import { DepartmentTreeSelect } from './DepartmentTreeSelect';
import { roleName } from './names';
import { UserPicker } from './UserPicker';
import { useRun } from '../api/useRun';

export interface UserDrawerProps {
  /** 'new' opens the create form (optionally in a department); a user opens the edit form; null closes. */
  editing: 'new' | OrgUser | null;
  defaultDepartmentId?: string;
  departments: Department[];
  roles: Role[];
  onClose(): void;
  /** Called after a save; `password` is set when the server generated an initial password. */
  onSaved(user: OrgUser, password: string | null): void;
}

interface Values {
  login: string;
  name: string;
  title?: string;
  email?: string;
  mobile?: string;
  departmentId?: string;
  superiorId?: string | null;
  roleIds?: string[];
  password?: string;
}

const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;

/** 新建 / 编辑用户. Department, superior and roles of an existing user change through their own actions. */
export function UserDrawer({ editing, defaultDepartmentId, departments, roles, onClose, onSaved }: UserDrawerProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const run = useRun();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const isNew = editing === 'new';

  // Reset only when another user (or a new one) is opened: the roles may arrive after the
  // administrator started typing, and must not wipe what was typed.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') {
      form.setFieldsValue({ departmentId: defaultDepartmentId });
    } else {
      form.setFieldsValue({
        login: editing.login, name: editing.name, title: editing.title ?? '', email: editing.email ?? '', mobile: editing.mobile ?? '',
      });
    }
  }, [editing, defaultDepartmentId, form]);
  // A new user starts as a sales rep, once the roles are known and if none was chosen yet.
  useEffect(() => {
    if (editing !== 'new' || form.getFieldValue('roleIds')?.length) return;
    const rep = roles.find((r) => r.key === 'rep');
    if (rep) form.setFieldsValue({ roleIds: [rep.id] });
  }, [editing, roles, form]);

  const save = async (values: Values) => {
    setSaving(true);
    let saved: { user: OrgUser; temporaryPassword: string | null } | undefined;
    const ok = await run(async () => {
      const common = { login: values.login, name: values.name, title: values.title || null, email: values.email || null, mobile: values.mobile || null };
      saved = editing === 'new'
        ? await orgApi.createUser({ ...common, departmentId: values.departmentId, superiorId: values.superiorId ?? null, roleIds: values.roleIds, password: values.password || undefined })
        : { user: await orgApi.updateUser((editing as OrgUser).id, { ...common, version: (editing as OrgUser).version }), temporaryPassword: null };
    });
    setSaving(false);
    if (ok && saved) onSaved(saved.user, saved.temporaryPassword);
  };

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={520}
      title={isNew ? t('org.user.create') : t('org.user.edit')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="user-form">
        <Form.Item name="name" label={t('org.user.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="user-name" />
        </Form.Item>
        <Form.Item
          name="login"
          label={t('org.user.login')}
          extra={t('org.user.loginHint')}
          rules={[{ required: true, message: t('common.required') }, { pattern: LOGIN_PATTERN, message: t('org.user.loginRule') }]}
        >
          <Input maxLength={50} autoComplete="off" data-testid="user-login" />
        </Form.Item>
        <Form.Item name="title" label={t('org.user.title')}><Input maxLength={60} /></Form.Item>
        <Form.Item name="mobile" label={t('org.user.mobile')} rules={[{ pattern: /^\+?\d{5,20}$/, message: t('org.user.mobileRule') }]}>
          <Input maxLength={21} />
        </Form.Item>
        <Form.Item name="email" label={t('org.user.email')} rules={[{ type: 'email', message: t('org.user.emailRule') }]}>
          <Input maxLength={200} />
        </Form.Item>
        {isNew && (
          <>
            <Form.Item name="departmentId" label={t('org.user.department')} rules={[{ required: true, message: t('common.required') }]}>
              <DepartmentTreeSelect departments={departments} data-testid="user-department" />
            </Form.Item>
            <Form.Item name="superiorId" label={t('org.user.superior')}><UserPicker /></Form.Item>
            <Form.Item name="roleIds" label={t('org.user.roles')} rules={[{ required: true, message: t('common.required') }]}>
              <Select mode="multiple" options={roles.map((r) => ({ value: r.id, label: roleName(r, me.locale) }))} data-testid="user-roles" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('org.user.initialPassword')}
              extra={t('org.user.initialPasswordHint')}
              rules={[{ pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/, message: t('org.user.passwordRule') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}

import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { orgApi, type PermissionInfo, type Role } from './api';
import { FormModal } from './FormModal';
import { permissionName } from './names';
import { useRun } from '../api/useRun';

interface Props {
  /** 'new' adds a role; a role renames it; null closes. */
  editing: 'new' | Role | null;
  permissions: PermissionInfo[];
  onClose(): void;
  onSaved(): void;
}

interface Values { nameZh: string; nameEn: string; permissions?: string[] }

/** 新增角色 (names and permissions) or 重命名 (names only; permissions change in the matrix). */
export function RoleFormModal({ editing, permissions, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const run = useRun();
  const isNew = editing === 'new';
  const submit = async (v: Values) => {
    const ok = await run(() =>
      isNew
        ? orgApi.createRole({ nameZh: v.nameZh, nameEn: v.nameEn, permissions: v.permissions ?? [] })
        : orgApi.updateRole((editing as Role).id, { nameZh: v.nameZh, nameEn: v.nameEn }),
    );
    if (ok) onSaved();
    return ok;
  };
  const nameRules = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal<Values>
      open={editing !== null}
      title={isNew ? t('org.role.create') : t('org.role.rename')}
      initialValues={editing && editing !== 'new' ? { nameZh: editing.nameZh, nameEn: editing.nameEn } : { permissions: [] }}
      onCancel={onClose}
      onSubmit={submit}
      testId="role-form"
    >
      <Form.Item name="nameZh" label={t('org.role.nameZh')} rules={nameRules}><Input maxLength={40} data-testid="role-name-zh" /></Form.Item>
      <Form.Item name="nameEn" label={t('org.role.nameEn')} rules={nameRules}><Input maxLength={40} data-testid="role-name-en" /></Form.Item>
      {isNew && (
        <Form.Item name="permissions" label={t('org.role.permissions')}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
            options={permissions.map((p) => ({ value: p.key, label: permissionName(p, me.locale) }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgApi, type Department } from './api';
import { DepartmentTreeSelect } from './DepartmentTreeSelect';
import { subtreeIds } from './departmentTree';
import { FormModal } from './FormModal';
import { UserPicker } from './UserPicker';
import { useRun } from '../api/useRun';

export type DepartmentAction = 'create' | 'edit' | 'move' | 'head';

interface Props {
  action: DepartmentAction | null;
  /** The selected department: the parent for 'create', the subject of the other actions. */
  department: Department;
  departments: Department[];
  onClose(): void;
  onChanged(changed: Department): void;
}

const CODE_RULE = { pattern: /^[A-Za-z0-9_-]{1,32}$/ };

/** The dialogs of 组织架构: new sub-department, rename / code, move, head. */
export function DepartmentModals({ action, department, departments, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const run = useRun();
  const save = async (work: () => Promise<Department>) => {
    let changed: Department | undefined;
    const ok = await run(async () => {
      changed = await work();
    });
    if (ok && changed) onChanged(changed);
    return ok;
  };

  return (
    <>
      <FormModal<{ name: string; code?: string; headUserId?: string | null }>
        open={action === 'create'}
        title={t('org.department.createUnder', { parent: department.name })}
        initialValues={{}}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.createDepartment({ name: v.name, code: v.code || null, parentId: department.id, headUserId: v.headUserId ?? null }))}
        testId="department-create-form"
      >
        <Form.Item name="name" label={t('org.department.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={60} data-testid="department-name" />
        </Form.Item>
        <Form.Item name="code" label={t('org.department.code')} rules={[{ ...CODE_RULE, message: t('org.department.codeRule') }]}>
          <Input maxLength={32} data-testid="department-code" />
        </Form.Item>
        <Form.Item name="headUserId" label={t('org.department.head')}><UserPicker /></Form.Item>
      </FormModal>

      <FormModal<{ name: string; code?: string }>
        open={action === 'edit'}
        title={t('org.department.edit')}
        initialValues={{ name: department.name, code: department.code ?? '' }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.updateDepartment(department.id, { name: v.name, code: v.code || null }))}
        testId="department-edit-form"
      >
        <Form.Item name="name" label={t('org.department.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="code" label={t('org.department.code')} rules={[{ ...CODE_RULE, message: t('org.department.codeRule') }]}>
          <Input maxLength={32} />
        </Form.Item>
      </FormModal>

      <FormModal<{ parentId: string }>
        open={action === 'move'}
        title={t('org.department.moveTitle', { name: department.name })}
        initialValues={{ parentId: department.parentId ?? undefined }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.moveDepartment(department.id, v.parentId))}
        testId="department-move-form"
      >
        <Form.Item name="parentId" label={t('org.department.newParent')} extra={t('org.department.moveHint')} rules={[{ required: true, message: t('common.required') }]}>
          <DepartmentTreeSelect departments={departments} disabledIds={subtreeIds(departments, department.id)} />
        </Form.Item>
      </FormModal>

      <FormModal<{ headUserId: string | null }>
        open={action === 'head'}
        title={t('org.department.headTitle', { name: department.name })}
        initialValues={{ headUserId: department.headUserId }}
        onCancel={onClose}
        onSubmit={(v) => save(() => orgApi.setDepartmentHead(department.id, v.headUserId ?? null))}
        testId="department-head-form"
      >
        <Form.Item name="headUserId" label={t('org.department.head')} extra={t('org.department.headHint')}>
          <UserPicker initialLabel={department.headName} />
        </Form.Item>
      </FormModal>
    </>
  );
}

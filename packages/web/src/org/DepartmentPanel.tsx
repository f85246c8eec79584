import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgApi, type Department } from './api';
import type { DepartmentAction } from './DepartmentModals';
import { useRun } from '../api/useRun';

interface Props {
  department: Department;
  onAction(action: DepartmentAction): void;
  onDeleted(): void;
}

/** The selected department: its code and head, and what can be done with it. */
export function DepartmentPanel({ department, onAction, onDeleted }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const run = useRun();
  const isRoot = department.parentId === null;

  const remove = () =>
    modal.confirm({
      title: t('org.department.deleteConfirm', { name: department.name }),
      content: t('org.department.deleteHint'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (await run(() => orgApi.deleteDepartment(department.id), t('org.department.deleted'))) onDeleted();
      },
    });

  return (
    <Card title={<span data-testid="department-title">{department.name}</span>}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('org.department.code')}>{department.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.department.head')}>{department.headName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.department.directMembers')}>{department.memberCount}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<PlusOutlined />} type="primary" onClick={() => onAction('create')} data-testid="department-create">
          {t('org.department.createChild')}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => onAction('edit')} data-testid="department-edit">{t('org.department.edit')}</Button>
        <Button icon={<UserOutlined />} onClick={() => onAction('head')} data-testid="department-head">{t('org.department.setHead')}</Button>
        <Button icon={<SwapOutlined />} disabled={isRoot} onClick={() => onAction('move')} data-testid="department-move">{t('org.department.move')}</Button>
        <Button icon={<DeleteOutlined />} danger disabled={isRoot} onClick={remove} data-testid="department-delete">{t('common.delete')}</Button>
      </Space>
    </Card>
  );
}

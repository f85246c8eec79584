import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/me';
import { tabsApi, type TaskItem } from '../api';
import { textOf, useLocale } from '../locale';
import { UserSelect } from '../users';

interface Values {
  subject: string;
  assigneeId?: string;
  dueAt?: Dayjs | null;
  remindAt?: Dayjs | null;
  priority?: string;
  description?: string;
}

interface Props {
  object: string;
  recordId: string;
  open: boolean;
  onClose(): void;
  onCreated(task: TaskItem): void;
}

/** 创建任务 (§3.3.7): for myself or a colleague, with a due time and a reminder. */
export function TaskFormModal({ object, recordId, open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [priorities, setPriorities] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    tabsApi.objectMeta('task').then((meta) => {
      const field = meta.fields.find((f) => f.key === 'priority');
      setPriorities((field?.options ?? []).filter((o) => o.enabled).map((o) => ({ value: o.value, label: textOf(o.label, locale) })));
    }, () => setPriorities([]));
  }, [open, form, locale]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const task = await tabsApi.createTask(object, recordId, {
        subject: values.subject,
        assigneeId: values.assigneeId ?? me.id,
        dueAt: values.dueAt?.toISOString() ?? null,
        remindAt: values.remindAt?.toISOString() ?? null,
        priority: values.priority,
        description: values.description || undefined,
      });
      void message.success(t('task.created'));
      onCreated(task);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open} title={t('task.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden
      okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ ...{ 'data-testid': 'task-save' } }}
    >
      <Form form={form} layout="vertical" initialValues={{ assigneeId: me.id }}>
        <Form.Item name="subject" label={t('task.subject')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 200 }]}>
          <Input data-testid="task-subject" />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('task.assignee')}>
          <UserSelect currentLabel={{ id: me.id, label: `${me.name}（${t('task.me')}）` }} data-testid="task-assignee" />
        </Form.Item>
        <Form.Item name="dueAt" label={t('task.dueAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-due" />
        </Form.Item>
        <Form.Item
          name="remindAt" label={t('task.remindAt')} dependencies={['dueAt']}
          rules={[({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const due = getFieldValue('dueAt') as Dayjs | null | undefined;
              return !value || !due || !value.isAfter(due) ? Promise.resolve() : Promise.reject(new Error(t('task.remindBeforeDue')));
            },
          })]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-remind" />
        </Form.Item>
        <Form.Item name="priority" label={t('task.priority')}>
          <Select allowClear options={priorities} />
        </Form.Item>
        <Form.Item name="description" label={t('task.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

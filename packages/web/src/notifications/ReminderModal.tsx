import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from './api';

interface Values {
  title: string;
  body?: string;
  remindAt: Dayjs;
}

/** 新建提醒: a todo notification to myself at a time (the server keeps it as a durable job). */
export function ReminderModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await notificationsApi.remind({ title: values.title, body: values.body ?? '', remindAt: values.remindAt.toISOString() });
      void message.success(t('notifications.reminder.created', { time: values.remindAt.format('YYYY-MM-DD HH:mm') }));
      form.resetFields();
      onCreated();
      onClose();
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('notifications.reminder.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ remindAt: dayjs().add(1, 'hour').startOf('minute') }}>
        <Form.Item name="title" label={t('notifications.reminder.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={200} data-testid="reminder-title" />
        </Form.Item>
        <Form.Item name="body" label={t('notifications.reminder.body')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="remindAt" label={t('notifications.reminder.at')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

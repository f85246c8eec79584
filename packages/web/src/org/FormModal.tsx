import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  initialValues: Partial<V>;
  onCancel(): void;
  /** Saves the values; answers whether it worked (the dialog closes only then). */
  onSubmit(values: V): Promise<boolean>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
}

/** A dialog holding one small form: the shape of every "change one thing" action in org settings. */
export function FormModal<V extends object>({ open, title, initialValues, onCancel, onSubmit, children, testId }: Props<V>) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    }
    // initialValues is read when the dialog opens only: a parent re-render must not reset what the user typed.
  }, [open, form]);

  const submit = async (values: V) => {
    setSaving(true);
    const ok = await onSubmit(values);
    setSaving(false);
    if (ok) onCancel();
  };

  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 16 }} data-testid={testId}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

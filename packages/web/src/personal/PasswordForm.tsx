import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { personalApi } from './api';
import { useRun } from '../api/useRun';

interface Values { currentPassword: string; newPassword: string; confirm: string }

/** Changes the password through POST /api/v1/auth/password, which signs out the other sessions. */
export function PasswordForm() {
  const { t } = useTranslation();
  const act = useRun();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    if (await act(() => personalApi.changePassword(values.currentPassword, values.newPassword), t('personal.password.changed'))) form.resetFields();
  };

  return (
    <Card title={t('personal.password.title')} size="small">
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 360 }}>
        <Form.Item name="currentPassword" label={t('personal.password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('personal.password.new')}
          extra={t('personal.password.rule')}
          rules={[{ required: true, message: t('common.required') }, { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/, message: t('personal.password.rule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('personal.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('personal.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('personal.password.submit')}</Button>
      </Form>
    </Card>
  );
}

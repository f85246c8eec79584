import { Button, Descriptions, Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me';
import { personalApi, type Profile } from './api';
import { AvatarUpload } from './AvatarUpload';
import { useRun } from '../api/useRun';

/** §2.2 个人简历 and 头像: what colleagues see of me. The name is the administrator's to change. */
export function ProfileTab({ profile, reload }: { profile: Profile; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { refresh } = useMe();
  const act = useRun();
  const [form] = Form.useForm<{ title: string; resume: string }>();

  const save = async (values: { title: string; resume: string }) => {
    if (await act(() => personalApi.updateProfile({ title: values.title ?? '', resume: values.resume ?? '', version: profile.version }))) {
      await Promise.all([reload(), refresh()]);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <AvatarUpload avatarUrl={profile.avatarUrl} name={profile.name} onChanged={async () => { await Promise.all([reload(), refresh()]); }} />
      <Divider />
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('personal.profile.name')}>
          {profile.name} <span style={{ color: '#999', marginLeft: 8, fontSize: 12 }}>{t('personal.profile.nameHint')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('personal.profile.login')}>{profile.login}</Descriptions.Item>
        <Descriptions.Item label={t('personal.profile.department')}>{profile.departmentName}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" initialValues={{ title: profile.title ?? '', resume: profile.resume ?? '' }} onFinish={save}>
        <Form.Item name="title" label={t('personal.profile.title')} rules={[{ max: 100 }]}>
          <Input data-testid="profile-title" maxLength={100} />
        </Form.Item>
        <Form.Item name="resume" label={t('personal.profile.resume')} rules={[{ max: 5000 }]}>
          <Input.TextArea data-testid="profile-resume" rows={6} maxLength={5000} showCount placeholder={t('personal.profile.resumePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="profile-save">{t('common.save')}</Button>
      </Form>
    </div>
  );
}

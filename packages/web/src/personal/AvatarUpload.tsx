import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalApi } from './api';
import { useRun } from '../api/useRun';

const MAX_BYTES = 2 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/**
 * Choose an image, see it in a preview, then upload it. The browser's checks only spare a round
 * trip: the server judges the type from the bytes and refuses anything else.
 */
export function AvatarUpload({ avatarUrl, name, onChanged }: { avatarUrl: string | null; name: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useRun();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: File; preview: string } | null>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => () => {
    if (chosen) URL.revokeObjectURL(chosen.preview);
  }, [chosen]);

  const choose = (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) return void message.error(t('personal.avatar.tooLarge'));
    if (file.type && !IMAGE_TYPES.includes(file.type)) return void message.error(t('personal.avatar.notImage'));
    setChosen({ file, preview: URL.createObjectURL(file) });
  };

  const upload = async () => {
    if (!chosen) return;
    setUploading(true);
    const ok = await act(() => personalApi.uploadAvatar(chosen.file), t('personal.avatar.uploaded'));
    setUploading(false);
    if (ok) {
      setChosen(null);
      await onChanged();
    }
  };

  const remove = async () => {
    if (await act(() => personalApi.removeAvatar(), t('personal.avatar.removed'))) await onChanged();
  };

  return (
    <Space size="large" align="center">
      <Avatar size={96} src={avatarUrl ?? undefined} data-testid="avatar-current">{name.slice(-2)}</Avatar>
      <Space orientation="vertical">
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="avatar-choose">{t('personal.avatar.choose')}</Button>
          {avatarUrl && <Button icon={<DeleteOutlined />} onClick={() => void remove()}>{t('personal.avatar.remove')}</Button>}
        </Space>
        <Typography.Text type="secondary">{t('personal.avatar.hint')}</Typography.Text>
        <input
          ref={input}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          style={{ display: 'none' }}
          data-testid="avatar-input"
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </Space>
      <Modal
        open={!!chosen}
        title={t('personal.avatar.preview')}
        okText={t('personal.avatar.confirm')}
        confirmLoading={uploading}
        onOk={() => void upload()}
        onCancel={() => setChosen(null)}
        okButtonProps={{ 'data-testid': 'avatar-confirm' } as ButtonProps}
      >
        <div style={{ display: 'flex', justifyContent: 'center', padding: 16 }}>
          {chosen && <Avatar size={128} src={chosen.preview} />}
        </div>
      </Modal>
    </Space>
  );
}

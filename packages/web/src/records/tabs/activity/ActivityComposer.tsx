import { FileOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Flex, Mentions, Select, Space, Tag, Upload } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf, type Locale } from '../locale';
import { tabsApi, type ActivityItem, type Attachment } from '../api';
import { useUserSearch } from '../users';
import { composeActivityHtml } from './mention-html';

interface Props {
  object: string;
  recordId: string;
  locale: Locale;
  onPosted(item: ActivityItem): void;
}

/** The 动态 composer (§3.3.7): pick the activity type, write, @mention colleagues, attach pictures and documents, 发布. */
export function ActivityComposer({ object, recordId, locale, onPosted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [types, setTypes] = useState<{ value: string; label: string }[]>([]);
  const [type, setType] = useState<string>();
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const picked = useRef(new Map<string, string>());
  const { users, loading, search } = useUserSearch();

  useEffect(() => {
    // Types are the 活动记录 object's 活动类型 options, as administrators configure them.
    tabsApi.objectMeta('activity').then((meta) => {
      const options = (meta.fields.find((f) => f.key === 'type')?.options ?? []).filter((o) => o.enabled).map((o) => ({ value: o.value, label: textOf(o.label, locale) }));
      setTypes(options);
      setType((current) => current ?? options[0]?.value);
    }, (e: Error) => void message.error(e.message));
  }, [locale, message]);

  const attach = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      const stored = await tabsApi.uploadAttachment(object, recordId, file);
      setAttachments((list) => [...list, stored]);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const publish = async () => {
    if (!type) return;
    const { content, mentions } = composeActivityHtml(text, picked.current);
    if (!content && attachments.length === 0) {
      void message.warning(t('activity.emptyContent'));
      return;
    }
    setBusy(true);
    try {
      const item = await tabsApi.postActivity(object, recordId, { type, content, mentions, attachments: attachments.map((a) => a.id) });
      setText('');
      setAttachments([]);
      picked.current.clear();
      void message.success(t('activity.published'));
      onPosted(item);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const uploader = (accept: string, icon: ReactNode, label: string, testId: string) => (
    <Upload accept={accept} multiple showUploadList={false} beforeUpload={(file) => { void attach(file); return false; }}>
      <Button size="small" icon={icon} data-testid={testId}>{label}</Button>
    </Upload>
  );

  return (
    <div data-testid="activity-composer" style={{ marginBottom: 16 }}>
      <Mentions
        rows={3} value={text} onChange={setText} placeholder={t('activity.placeholder')} loading={loading} data-testid="activity-text"
        options={users.map((u) => ({ key: u.id, value: u.name, label: `${u.name}（${u.departmentName}）` }))}
        onSearch={(keyword) => void search(keyword)}
        onSelect={(option) => {
          const user = users.find((u) => u.id === option.key) ?? users.find((u) => u.name === option.value);
          if (user) picked.current.set(user.name, user.id);
        }}
      />
      {attachments.length > 0 && (
        <Space wrap style={{ marginTop: 8 }} data-testid="activity-attachments">
          {attachments.map((a) => (
            <Tag key={a.id} icon={a.isImage ? <PictureOutlined /> : <PaperClipOutlined />} closable onClose={() => setAttachments((list) => list.filter((x) => x.id !== a.id))}>
              {a.fileName}
            </Tag>
          ))}
        </Space>
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }} wrap gap={8}>
        <Space wrap>
          <Select size="small" value={type} onChange={setType} options={types} style={{ minWidth: 100 }} aria-label={t('activity.type')} data-testid="activity-type" />
          {uploader('image/*', <PictureOutlined />, t('activity.image'), 'activity-attach-image')}
          {uploader('', <FileOutlined />, t('activity.file'), 'activity-attach-file')}
          {uploading > 0 && <span>{t('activity.uploading')}</span>}
        </Space>
        <Button type="primary" loading={busy} disabled={uploading > 0 || !type} onClick={() => void publish()} data-testid="activity-publish">
          {t('activity.publish')}
        </Button>
      </Flex>
    </div>
  );
}

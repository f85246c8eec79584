import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize, tabsApi, type RecordFile } from '../api';

/**
 * Files attached to a record or a task, at `baseUrl` (…/files): upload, download, delete. Who may
 * upload or delete is the server's decision; a refusal shows as a message.
 */
export function FileTable({ baseUrl, onChanged, compact }: { baseUrl: string; onChanged?: () => void; /** In a drawer: without the upload time. */ compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<RecordFile[] | null>(null);
  const [uploading, setUploading] = useState(0);

  const load = useCallback(() => tabsApi.files(baseUrl).then(setFiles, (e: Error) => {
    setFiles([]);
    void message.error(e.message);
  }), [baseUrl, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      await tabsApi.uploadFile(baseUrl, file);
      void message.success(t('activity.files.uploaded'));
      await load();
      onChanged?.();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (file: RecordFile) => {
    try {
      await tabsApi.deleteFile(baseUrl, file.id);
      void message.success(t('activity.files.deleted'));
      await load();
      onChanged?.();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <div data-testid="file-table">
      <Upload multiple showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={uploading > 0} style={{ marginBottom: 12 }} data-testid="file-upload">{t('activity.files.upload')}</Button>
      </Upload>
      <Table<RecordFile>
        rowKey="id" size="small" loading={files === null} dataSource={files ?? []} pagination={false}
        locale={{ emptyText: t('activity.files.empty') }}
        onRow={(f) => ({ 'data-testid': `file-row-${f.fileName}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('activity.files.name'), render: (_: unknown, f: RecordFile) => <a href={f.url} target="_blank" rel="noreferrer">{f.fileName}</a> },
          { key: 'size', title: t('activity.files.size'), width: 90, render: (_: unknown, f: RecordFile) => formatSize(f.size) },
          { key: 'by', title: t('activity.files.addedBy'), width: compact ? 90 : 120, render: (_: unknown, f: RecordFile) => f.addedBy?.name ?? '—' },
          ...(compact ? [] : [{ key: 'at', title: t('activity.files.addedAt'), width: 160, render: (_: unknown, f: RecordFile) => dayjs(f.addedAt).format('YYYY-MM-DD HH:mm') }]),
          {
            key: 'actions', title: t('common.actions'), width: 90,
            render: (_: unknown, f: RecordFile) => (
              <Space size={4}>
                <Button size="small" type="link" icon={<DownloadOutlined />} href={f.url} download={f.fileName} aria-label={t('activity.files.download')} />
                <Popconfirm title={t('activity.files.deleteConfirm', { name: f.fileName })} onConfirm={() => remove(f)}>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`file-delete-${f.fileName}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

import { App, Button, Card, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullTime } from '../notifications/format';
import { feedbackApi, type Feedback } from './api';
import { StatusTag } from './StatusTag';

type Filter = 'all' | 'open' | 'replied';
const PAGE_SIZE = 20;

/** 系统设置 → 意见反馈: everyone's feedback, newest first; a reply notifies its author. */
export function FeedbackSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Feedback[]; total: number } | null>(null);
  const [replying, setReplying] = useState<Feedback | null>(null);
  const [reply, setReply] = useState('');
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    setData(await feedbackApi.list(filter === 'all' ? undefined : filter, page, PAGE_SIZE));
  }, [filter, page]);
  useEffect(() => {
    void load().catch((e: Error) => void message.error(e.message));
  }, [load, message]);

  const startReply = (f: Feedback) => {
    setReplying(f);
    setReply(f.reply ?? '');
  };
  const sendReply = async () => {
    if (!replying || !reply.trim()) return;
    setSaving(true);
    try {
      await feedbackApi.reply(replying.id, reply.trim());
      void message.success(t('help.feedback.replied'));
      setReplying(null);
      await load();
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={t('help.feedback.section')}
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={(v) => { setFilter(v); setPage(1); }}
          options={[
            { value: 'open', label: t('help.status.open') },
            { value: 'replied', label: t('help.status.replied') },
            { value: 'all', label: t('help.feedback.all') },
          ]}
        />
      }
    >
      <Table<Feedback>
        rowKey="id"
        loading={data === null}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="feedback-table"
        columns={[
          { key: 'category', title: t('help.feedback.category'), width: 90, render: (_, f) => <Tag>{t(`help.category.${f.category}`)}</Tag> },
          {
            key: 'content', title: t('help.feedback.content'),
            render: (_, f) => (
              <>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{f.content}</Typography.Paragraph>
                {f.reply && <Typography.Text type="secondary">{t('help.feedback.reply')}：{f.reply}</Typography.Text>}
              </>
            ),
          },
          { key: 'author', title: t('help.feedback.author'), dataIndex: 'authorName', width: 110 },
          { key: 'at', title: t('help.feedback.at'), width: 150, render: (_, f) => fullTime(f.createdAt) },
          { key: 'status', title: t('help.feedback.status'), width: 100, render: (_, f) => <StatusTag status={f.status} /> },
          { key: 'actions', title: t('common.actions'), width: 90, render: (_, f) => <Button size="small" onClick={() => startReply(f)}>{t('help.feedback.replyAction')}</Button> },
        ]}
      />
      <Modal
        open={replying !== null}
        title={t('help.feedback.replyTitle')}
        onCancel={() => setReplying(null)}
        onOk={() => void sendReply()}
        okButtonProps={{ disabled: !reply.trim() }}
        confirmLoading={saving}
        okText={t('help.feedback.replyAction')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        {replying && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{replying.authorName}：{replying.content}</Typography.Paragraph>}
        <Input.TextArea rows={4} maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="feedback-reply" />
      </Modal>
    </Card>
  );
}

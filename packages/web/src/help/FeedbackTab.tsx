import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '@yixiao/core';
import { App, Button, Card, Empty, Form, Input, Radio, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullTime } from '../notifications/format';
import { feedbackApi, type Feedback } from './api';
import { StatusTag } from './StatusTag';

/** 意见反馈: send feedback, and read what I sent with the administrators' answers. */
export function FeedbackTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ category: FeedbackCategory; content: string }>();
  const [mine, setMine] = useState<Feedback[] | null>(null);
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => setMine((await feedbackApi.mine()).items), []);
  useEffect(() => {
    void load().catch(() => setMine([]));
  }, [load]);

  const send = async (values: { category: FeedbackCategory; content: string }) => {
    setSending(true);
    try {
      await feedbackApi.send(values);
      void message.success(t('help.feedback.sent'));
      form.resetFields();
      await load();
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ maxWidth: 860, display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card>
        <Typography.Paragraph type="secondary">{t('help.feedback.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ category: 'suggestion' }} onFinish={(v) => void send(v)}>
          <Form.Item name="category" label={t('help.feedback.category')}>
            <Radio.Group
              optionType="button"
              options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`help.category.${c}`) }))}
              data-testid="feedback-category"
            />
          </Form.Item>
          <Form.Item name="content" label={t('help.feedback.content')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('help.feedback.contentPlaceholder')} data-testid="feedback-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={sending} data-testid="feedback-submit">{t('help.feedback.submit')}</Button>
        </Form>
      </Card>
      <Card title={t('help.feedback.mine')} data-testid="my-feedback">
        {mine !== null && mine.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('help.feedback.none')} />}
        {mine?.map((f) => (
          <div key={f.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div>
              <Tag>{t(`help.category.${f.category}`)}</Tag>
              <StatusTag status={f.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fullTime(f.createdAt)}</Typography.Text>
            </div>
            <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{f.content}</Typography.Paragraph>
            {f.reply && (
              <div style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '8px 12px', marginTop: 8 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('help.feedback.replyBy', { name: f.repliedByName ?? '', time: f.repliedAt ? fullTime(f.repliedAt) : '' })}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{f.reply}</Typography.Paragraph>
              </div>
            )}
          </div>
        ))}
      </Card>
    </div>
  );
}

import { App, Button, Card, Form, Input, Table, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { announcementsApi, type Announcement, type AudienceDepartment } from './api';
import { toAudienceTree } from './audienceTree';
import { fullTime } from './format';

const WHOLE_COMPANY = '__company__';
const PAGE_SIZE = 10;

interface Values {
  title: string;
  body: string;
  audience: string;
}

/** 系统设置 → 部门公告: post to the company or a department (and all below it); every post so far. */
export function AnnouncementsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [departments, setDepartments] = useState<AudienceDepartment[]>([]);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ items: Announcement[]; total: number } | null>(null);
  const [posting, setPosting] = useState(false);

  const load = useCallback(async () => setList(await announcementsApi.all(page, PAGE_SIZE)), [page]);
  useEffect(() => {
    void load().catch((e: Error) => void message.error(e.message));
  }, [load, message]);
  useEffect(() => {
    void announcementsApi.departments().then((r) => setDepartments(r.items), () => {});
  }, []);

  const everyone = departments.reduce((sum, d) => sum + d.members, 0);
  const treeData = [
    { value: WHOLE_COMPANY, title: t('notifications.announcements.wholeCompany', { count: everyone }), children: [] },
    ...toAudienceTree(departments, (d, reach) => `${d.name}（${t('notifications.announcements.people', { count: reach })}）`),
  ];

  const submit = async (values: Values) => {
    setPosting(true);
    try {
      const result = await announcementsApi.post({
        title: values.title, body: values.body, departmentId: values.audience === WHOLE_COMPANY ? null : values.audience,
      });
      void message.success(t('notifications.announcements.posted', { count: result.recipients }));
      form.resetFields();
      setPage(1);
      await load();
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setPosting(false);
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card title={t('notifications.announcements.new')}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ audience: WHOLE_COMPANY }} style={{ maxWidth: 720 }}>
          <Form.Item name="audience" label={t('notifications.announcements.audience')} rules={[{ required: true }]}>
            <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" data-testid="announcement-audience" />
          </Form.Item>
          <Form.Item name="title" label={t('notifications.announcements.titleLabel')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={200} data-testid="announcement-title" />
          </Form.Item>
          <Form.Item name="body" label={t('notifications.announcements.body')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={5} maxLength={10000} showCount data-testid="announcement-body" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={posting} data-testid="announcement-post">{t('notifications.announcements.post')}</Button>
        </Form>
      </Card>
      <Card title={t('notifications.announcements.history')}>
        <Table<Announcement>
          rowKey="id"
          size="small"
          loading={list === null}
          dataSource={list?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { key: 'title', title: t('notifications.announcements.titleLabel'), render: (_, a) => <Link to={`/announcements/${a.id}`}>{a.title}</Link> },
            { key: 'scope', title: t('notifications.announcements.audience'), render: (_, a) => a.departmentName ?? t('notifications.announcements.company') },
            { key: 'author', title: t('notifications.announcements.author'), dataIndex: 'authorName' },
            { key: 'at', title: t('notifications.announcements.at'), render: (_, a) => <Typography.Text type="secondary">{fullTime(a.createdAt)}</Typography.Text> },
          ]}
        />
      </Card>
    </div>
  );
}

import { Card, Empty, Flex, Pagination, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { announcementsApi, type Announcement } from './api';
import { fullTime } from './format';

const PAGE_SIZE = 20;

/** 部门公告: those addressed to me on the left, the chosen one in full on the right. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ items: Announcement[]; total: number } | null>(null);
  const [current, setCurrent] = useState<Announcement | 'missing' | null>(null);

  useEffect(() => {
    void announcementsApi.mine(page, PAGE_SIZE).then(setList, () => setList({ items: [], total: 0 }));
  }, [page]);
  useEffect(() => {
    setCurrent(null);
    if (!id) return;
    void announcementsApi.one(id).then(setCurrent, (e: unknown) => {
      if (e instanceof ApiError && e.status === 404) setCurrent('missing');
    });
  }, [id]);

  const scope = (a: Announcement) => a.departmentName ?? t('notifications.announcements.company');

  return (
    <Flex gap={16} align="flex-start" wrap>
      <Card title={t('notifications.announcements.mine')} style={{ width: 320 }} styles={{ body: { padding: 0 } }}>
        {list === null ? (
          <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>
        ) : list.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.announcements.none')} />
        ) : (
          list.items.map((a) => (
            <div
              key={a.id}
              role="button"
              tabIndex={0}
              onClick={() => navigate(`/announcements/${a.id}`)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(`/announcements/${a.id}`)}
              style={{ padding: '10px 16px', cursor: 'pointer', borderBottom: '1px solid #f0f0f0', background: a.id === id ? '#e6f4ff' : undefined }}
            >
              <Typography.Text ellipsis style={{ display: 'block' }}>{a.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{scope(a)} · {fullTime(a.createdAt)}</Typography.Text>
            </div>
          ))
        )}
        {list && list.total > PAGE_SIZE && (
          <Flex justify="center" style={{ padding: 8 }}>
            <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={list.total} onChange={setPage} />
          </Flex>
        )}
      </Card>
      <Card style={{ flex: 1, minWidth: 420 }}>
        {current === 'missing' ? (
          <Result status="404" title={t('notifications.announcements.missing')} />
        ) : current === null ? (
          <Empty description={t(id ? 'common.loading' : 'notifications.announcements.pick')} />
        ) : (
          <article data-testid="announcement">
            <Typography.Title level={3}>{current.title}</Typography.Title>
            <Typography.Text type="secondary">
              {t('notifications.announcements.meta', { author: current.authorName, scope: scope(current), time: fullTime(current.createdAt) })}
            </Typography.Text>
            <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap', fontSize: 15 }}>{current.body}</Typography.Paragraph>
          </article>
        )}
      </Card>
    </Flex>
  );
}

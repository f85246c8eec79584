import { Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/me';
import { Highlight } from './Highlight';
import { useSearch } from './useSearch';

/** /search?q=: every group of a global search, up to 50 per object. */
export function SearchResultsPage() {
  const { t } = useTranslation();
  const { locale } = useCurrentUser();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const { groups, loading } = useSearch(q, 50, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="search-results">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('search.title', { q })}</Typography.Title>
      <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>
      {loading && <Spin />}
      {!loading && groups.length === 0 && <Empty description={t('search.none', { q })} />}
      {groups.map((group) => (
        <Card key={group.object} size="small" title={`${locale === 'en-US' ? group.label.en : group.label.zh} (${group.items.length}${group.more ? '+' : ''})`}>
          <List
            size="small"
            dataSource={group.items}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={item.link}><Highlight text={item.name} query={q} /></Link>}
                  description={item.secondary && <Highlight text={item.secondary} query={q} />}
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

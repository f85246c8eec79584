import { PaperClipOutlined } from '@ant-design/icons';
import { Avatar, Flex, Image, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Label } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatSize, type ActivityItem } from '../api';
import { textOf, type Locale } from '../locale';
import './activity.css';

interface Props {
  item: ActivityItem;
  /** The record whose feed this is: items posted elsewhere (an account's contacts …) name their record. */
  object: string;
  labels: Map<string, Label>;
  locale: Locale;
}

/** One 动态: who, when, which type, the text, pictures and documents. */
export function ActivityCard({ item, object, labels, locale }: Props) {
  const { t } = useTranslation();
  const images = item.attachments.filter((a) => a.isImage);
  const documents = item.attachments.filter((a) => !a.isImage);
  const sourceLabel = labels.get(item.source.object);
  return (
    <Flex gap={12} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="activity-item">
      <Avatar src={item.poster?.avatarUrl ?? undefined}>{item.poster?.name.slice(0, 1)}</Avatar>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={8} wrap>
          <Typography.Text strong>{item.poster?.name ?? '—'}</Typography.Text>
          <Tag color="blue" data-testid="activity-item-type">{item.type}</Tag>
          <Typography.Text type="secondary">{dayjs(item.occurredAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          {item.source.object !== object && (
            <Link to={`/${item.source.object}/${item.source.id}`}>
              {t('activity.on', { object: sourceLabel ? textOf(sourceLabel, locale) : item.source.object, name: item.source.name ?? '' })}
            </Link>
          )}
        </Space>
        {/* The server sanitised this HTML against an allow-list (no script, no handlers, no javascript: links). */}
        <div className="yx-activity-content" style={{ marginTop: 6, wordBreak: 'break-word' }} data-testid="activity-item-content" dangerouslySetInnerHTML={{ __html: item.content }} />
        {images.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap style={{ marginTop: 8 }}>
              {images.map((a) => <Image key={a.id} src={a.url} alt={a.fileName} width={96} height={96} style={{ objectFit: 'cover' }} />)}
            </Space>
          </Image.PreviewGroup>
        )}
        {documents.length > 0 && (
          <Flex vertical gap={2} style={{ marginTop: 8 }}>
            {documents.map((a) => (
              <a key={a.id} href={a.url} download={a.fileName}><PaperClipOutlined /> {a.fileName} <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text></a>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}

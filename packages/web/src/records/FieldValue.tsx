import { Tag, Typography } from 'antd';
import type { FieldMeta } from '@yixiao/core';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RecordData } from './extensions';
import { groupDigits, optionLabel, useLocale } from './fields';
import { recordPath } from './paths';

interface Props {
  field: FieldMeta;
  record: RecordData;
  /** Lists keep to one line; the detail page may wrap long text. */
  compact?: boolean;
}

export const isBlank = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function regionText(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const r = value as { province?: string; city?: string; district?: string };
  // A municipality is its own city (北京市 北京市 海淀区): name it once.
  return [r.province, r.city === r.province ? undefined : r.city, r.district].filter(Boolean).join(' ');
}

/** A field's value as people read it: names for references, labels for options, grouped digits for money. */
export function FieldValue({ field, record, compact }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const value = record[field.key];
  if (isBlank(value)) return <Typography.Text type="secondary">{compact ? '' : '—'}</Typography.Text>;
  const text = String(value);
  switch (field.type) {
    case 'user': case 'department':
      return <>{record.display?.[field.key] ?? '—'}</>;
    case 'lookup':
      return field.lookup
        ? <Link to={recordPath(field.lookup, text)}>{record.display?.[field.key] ?? text.slice(0, 8)}</Link>
        : <>{text}</>;
    case 'picklist':
      return <>{optionLabel(field, text, locale)}</>;
    case 'multipicklist':
      return <>{(value as string[]).map((v) => <Tag key={v}>{optionLabel(field, v, locale)}</Tag>)}</>;
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'currency':
      return <>¥{groupDigits(text)}</>;
    case 'number':
      return <>{groupDigits(text)}</>;
    case 'percent':
      return <>{text}%</>;
    case 'datetime':
      return <>{dayjs(text).format('YYYY-MM-DD HH:mm')}</>;
    case 'region':
      return <>{regionText(value)}</>;
    case 'email':
      return <a href={`mailto:${text}`}>{text}</a>;
    case 'url':
      return <a href={text} target="_blank" rel="noreferrer noopener">{text}</a>;
    case 'textarea':
      return compact ? <>{text}</> : <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
    default:
      return <>{text}</>;
  }
}

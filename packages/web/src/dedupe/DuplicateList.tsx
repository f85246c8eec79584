import { List, Typography } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateResult } from './api';

/** The matches in a form's narrow column: name and compared values, then owner, status and date. */
export function DuplicateList({ object, result, locale }: { object: ObjectMeta; result: DuplicateResult; locale: string }) {
  const { t } = useTranslation();
  const label = (f: { label: { zh: string; en: string } }) => (locale === 'en-US' ? f.label.en : f.label.zh);
  const compared = result.fields.filter((f) => f.key !== object.nameField);
  return (
    <div data-testid="duplicate-table">
      <List
        size="small"
        bordered
        dataSource={result.items}
        pagination={result.items.length > 5 ? { pageSize: 5, size: 'small' } : false}
        renderItem={(d) => (
          <List.Item style={{ display: 'block' }}>
            <div>
              <Link to={`/${object.key}/${d.id}`}>{d.name}</Link>
              {compared.filter((f) => d.values[f.key]).map((f) => (
                <Typography.Text key={f.key} strong={d.matchedOn.includes(f.key)} style={{ marginLeft: 8 }}>{d.values[f.key]}</Typography.Text>
              ))}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[d.ownerName, d.status, new Date(d.createdAt).toLocaleDateString(locale)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dedupe.fields', { fields: result.fields.map(label).join('、') })}</Typography.Text>
    </div>
  );
}

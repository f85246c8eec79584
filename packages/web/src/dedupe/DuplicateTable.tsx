import { Table, Typography } from 'antd';
import type { ObjectMeta } from '@yixiao/core';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Duplicate, DuplicateResult } from './api';

/** The table of §3.2.7: 名称, the compared fields, 创建时间, 负责人, 状态; "查看字段" below. */
export function DuplicateTable({ object, result, locale }: { object: ObjectMeta; result: DuplicateResult; locale: string }) {
  const { t } = useTranslation();
  const label = (f: { label: { zh: string; en: string } }) => (locale === 'en-US' ? f.label.en : f.label.zh);
  const nameField = object.fields.find((f) => f.key === object.nameField);
  const compared = result.fields.filter((f) => f.key !== object.nameField);
  const columns: ColumnsType<Duplicate> = [
    { key: 'name', title: nameField ? label(nameField) : t('dedupe.col.name'), render: (_, d) => <Link to={`/${object.key}/${d.id}`}>{d.name}</Link> },
    ...compared.map((f) => ({
      key: f.key,
      title: label(f),
      ellipsis: true,
      render: (_: unknown, d: Duplicate) => <span style={d.matchedOn.includes(f.key) ? { fontWeight: 600 } : undefined}>{d.values[f.key]}</span>,
    })),
    { key: 'createdAt', title: t('dedupe.col.createdAt'), render: (_, d) => new Date(d.createdAt).toLocaleDateString(locale) },
    { key: 'owner', title: t('dedupe.col.owner'), render: (_, d) => d.ownerName },
    ...(result.items.some((d) => d.status) ? [{ key: 'status', title: t('dedupe.col.status'), render: (_: unknown, d: Duplicate) => d.status }] : []),
  ];
  return (
    <div data-testid="duplicate-table">
      <Table<Duplicate> size="small" rowKey="id" columns={columns} dataSource={result.items} pagination={result.items.length > 5 ? { pageSize: 5, size: 'small' } : false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dedupe.fields', { fields: result.fields.map(label).join('、') })}</Typography.Text>
    </div>
  );
}

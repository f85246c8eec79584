import { Button, Col, Divider, Row, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../extensions';
import { isBlank } from '../FieldValue';
import { liveFields, textOf, useLocale } from '../fields';
import { useFieldLocks } from '../form/useFieldLocks';
import { InlineField } from './InlineField';

interface Props {
  meta: ObjectMeta;
  record: RecordData;
  onSaved(record: RecordData): void;
  onReload(): Promise<unknown>;
}

/** 资料 (§3.3.7): the record's fields in groups, each editable in place; empty extra fields behind 填写更多信息. */
export function FieldsTab({ meta, record, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [more, setMore] = useState(false);
  const locks = useFieldLocks(meta, record);
  const fields = liveFields(meta);
  const system = fields.filter((f) => f.readOnly || f.type === 'autonumber' || f.key === 'ownerId');
  const business = fields.filter((f) => !system.includes(f));
  const basic = business.filter((f) => f.onCreate || f.key === meta.nameField || !isBlank(record[f.key]));
  const extra = business.filter((f) => !basic.includes(f));

  // Long text takes a whole row, so it goes last and leaves no holes in the two columns.
  const wideLast = (list: FieldMeta[]) => [...list.filter((f) => f.type !== 'textarea'), ...list.filter((f) => f.type === 'textarea')];
  const grid = (list: FieldMeta[]) => (
    <Row gutter={[32, 4]}>
      {wideLast(list).map((field) => (
        <Col key={field.key} xs={24} md={field.type === 'textarea' ? 24 : 12}>
          <div style={{ display: 'flex', gap: 12, padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }} data-testid={`detail-field-${field.key}`}>
            <Typography.Text type="secondary" style={{ width: 120, flex: 'none' }}>
              {field.required && <span style={{ color: '#ff4d4f' }}>* </span>}{textOf(field.label, locale)}
            </Typography.Text>
            <div style={{ flex: 1, minWidth: 0 }}>
              <InlineField meta={meta} field={field} record={record} onSaved={onSaved} onReload={onReload} lockedReason={locks.get(field.key)} />
            </div>
          </div>
        </Col>
      ))}
    </Row>
  );

  return (
    <div data-testid="fields-tab">
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>{t('records.detail.basicInfo')}</Divider>
      {grid(basic)}
      {extra.length > 0 && (
        <>
          <Button type="link" style={{ padding: 0, marginTop: 8 }} onClick={() => setMore(!more)} data-testid="detail-more">
            {more ? <UpOutlined /> : <DownOutlined />} {t(more ? 'records.form.lessInfo' : 'records.form.moreInfo')}
          </Button>
          {more && grid(extra)}
        </>
      )}
      <Divider titlePlacement="start" plain>{t('records.detail.systemInfo')}</Divider>
      {grid(system)}
    </div>
  );
}

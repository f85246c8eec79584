import { Col, Form, Row, type FormInstance } from 'antd';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { editableFields, textOf, useLocale } from '../../records/fields';
import { FieldAddonSlot } from '../../records/form/FieldAddonSlot';
import { FieldInput } from '../../records/form/FieldInput';

/**
 * The create-form fields of one object (客户, 联系人, 销售机会) from its metadata, as the generic
 * record form shows them: same inputs, same required marks, long text last on a whole row.
 */
export function sectionFields(meta: ObjectMeta, omit: string[] = []): FieldMeta[] {
  const all = editableFields(meta, 'create').filter((f) => f.onCreate && !omit.includes(f.key));
  const wide = (f: FieldMeta) => f.type === 'textarea';
  return [...all.filter((f) => !wide(f)), ...all.filter(wide)];
}

interface Props {
  meta: ObjectMeta;
  fields: FieldMeta[];
  form: FormInstance;
  /** Names of prefilled references (the suggested owner). */
  display: Record<string, string>;
}

export function ConvertSectionFields({ meta, fields, form, display }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Row gutter={16}>
      {fields.map((field) => {
        const label = textOf(field.label, locale);
        return (
          <Col key={field.key} span={field.type === 'textarea' ? 24 : 12}>
            <Form.Item
              name={field.key} label={label} required={field.required} style={{ marginBottom: 12 }}
              rules={field.required ? [{ required: true, whitespace: field.type !== 'boolean', message: t('records.form.required', { field: label }) }] : []}
            >
              <FieldInput field={field} displayName={display[field.key]} />
            </Form.Item>
            <FieldAddonSlot meta={meta} field={field} form={form} />
          </Col>
        );
      })}
    </Row>
  );
}

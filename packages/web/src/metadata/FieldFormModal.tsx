import { FIELD_TYPES, type FieldType } from '@yixiao/core';
import { Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { metadataApi, type AdminField, type NewField, type ObjectSummary, type OptionDraft } from './api';
import { autonumberExample, INDEXABLE, isPicklist, labelIn, MAX_LENGTH, typeName } from './names';
import { cleanOptions, OptionsEditor } from './OptionsEditor';
import { useRun } from '../api/useRun';

interface Props {
  object: string;
  objects: ObjectSummary[];
  /** 'new' adds a custom field; a field edits it; null closes. */
  editing: 'new' | AdminField | null;
  onClose(): void;
  onSaved(): void;
}

interface Values {
  key?: string;
  labelZh: string;
  labelEn?: string;
  type: FieldType;
  required: boolean;
  onCreate: boolean;
  options?: OptionDraft[];
  lookup?: string;
  maxLength?: number | null;
  prefix?: string;
  digits?: number;
  indexed: boolean;
}

const initial = (editing: 'new' | AdminField): Partial<Values> =>
  editing === 'new'
    ? { type: 'text', required: false, onCreate: true, indexed: false, options: [{ label: { zh: '', en: '' }, enabled: true }], digits: 6 }
    : {
      labelZh: editing.label.zh, labelEn: editing.label.en === editing.label.zh ? '' : editing.label.en, type: editing.type,
      required: editing.required, onCreate: editing.onCreate, maxLength: editing.maxLength, indexed: editing.indexed,
      prefix: editing.autonumber?.prefix, digits: editing.autonumber?.digits,
    };

/** 新建字段 (any type, its options, target and format) and 编辑字段 (what the server lets change). */
export function FieldFormModal({ object, objects, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const act = useRun();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const isNew = editing === 'new';
  const field = editing && editing !== 'new' ? editing : null;
  const type = Form.useWatch('type', form) ?? field?.type;
  const required = Form.useWatch('required', form);
  const prefix = Form.useWatch('prefix', form);
  const digits = Form.useWatch('digits', form);

  useEffect(() => {
    if (editing) {
      form.resetFields();
      form.setFieldsValue(initial(editing));
    }
    // Read when the dialog opens only: a parent re-render must not reset what the administrator typed.
  }, [editing, form]);

  const submit = async (v: Values) => {
    const label = { zh: v.labelZh.trim(), ...(v.labelEn?.trim() ? { en: v.labelEn.trim() } : {}) };
    const autonumber = v.type === 'autonumber' ? { prefix: v.prefix ?? '', digits: v.digits ?? 6 } : undefined;
    setSaving(true);
    const ok = await act(async () => {
      if (isNew) {
        const body: NewField = {
          label, type: v.type, required: v.type === 'autonumber' ? false : v.required, onCreate: v.type === 'autonumber' ? false : v.onCreate || v.required,
          indexed: v.indexed && INDEXABLE.has(v.type),
          ...(v.key?.trim() ? { key: v.key.trim() } : {}),
          ...(isPicklist(v.type) ? { options: cleanOptions(v.options ?? []) } : {}),
          ...(v.type === 'lookup' ? { lookup: v.lookup } : {}),
          ...(MAX_LENGTH[v.type] && v.maxLength ? { maxLength: v.maxLength } : {}),
          ...(autonumber ? { autonumber } : {}),
        };
        await metadataApi.addField(object, body);
      } else if (field) {
        await metadataApi.updateField(object, field.key, {
          label,
          ...(field.can.required ? { required: v.required } : {}),
          // A field made required goes on the create form: nobody could fill it in otherwise.
          ...(field.can.onCreate ? { onCreate: v.onCreate || (field.can.required && v.required) } : {}),
          ...(field.can.maxLength ? { maxLength: v.maxLength ?? null } : {}),
          ...(field.custom && field.type === 'autonumber' ? { autonumber } : {}),
          ...(field.can.index ? { indexed: v.indexed } : {}),
        });
      }
    }, isNew ? t('metadata.field.added') : t('common.saved'));
    setSaving(false);
    if (ok) {
      onSaved();
      onClose();
    }
  };

  // The dialog is rendered closed too (editing null): nothing may be read from a field then.
  const readOnly = field?.readOnly ?? type === 'autonumber';
  const canRequired = isNew ? type !== 'autonumber' : !!field?.can.required;
  const canOnCreate = isNew ? type !== 'autonumber' && !required : !!field?.can.onCreate && !(field.can.required && required);
  const canIndex = isNew ? INDEXABLE.has(type ?? 'text') : !!field?.can.index;
  const canMaxLength = isNew ? MAX_LENGTH[type ?? 'text'] !== undefined : !!field?.can.maxLength;

  return (
    <Modal
      open={editing !== null} width={680} destroyOnHidden confirmLoading={saving}
      title={isNew ? t('metadata.field.add') : t('metadata.field.edit')}
      onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'field-save' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 16 }} data-testid="field-form">
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="labelZh" label={t('metadata.field.labelZh')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={50} data-testid="field-label-zh" />
          </Form.Item>
          <Form.Item name="labelEn" label={t('metadata.field.labelEn')} tooltip={t('metadata.field.labelEnHint')} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={50} data-testid="field-label-en" />
          </Form.Item>
        </Space>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="type" label={t('metadata.field.type')} tooltip={t('metadata.field.typeFixed')} style={{ minWidth: 200 }}>
            <Select
              data-testid="field-type" disabled={!isNew} showSearch={{ optionFilterProp: 'label' }}
              options={FIELD_TYPES.map((value) => ({ value, label: typeName(t, value) }))}
            />
          </Form.Item>
          {isNew
            ? (
              <Form.Item name="key" label={t('metadata.field.key')} tooltip={t('metadata.field.keyHint')} rules={[{ pattern: /^cf_[a-z0-9_]{1,40}$/, message: t('metadata.field.keyHint') }]} style={{ minWidth: 220 }}>
                <Input placeholder="cf_…" maxLength={43} data-testid="field-key" />
              </Form.Item>
            )
            : (
              <Form.Item label={t('metadata.field.key')} style={{ minWidth: 220 }}>
                <Typography.Text code>{field?.key}</Typography.Text>
              </Form.Item>
            )}
        </Space>
        {type === 'lookup' && (
          <Form.Item name="lookup" label={t('metadata.field.lookup')} rules={[{ required: isNew, message: t('common.required') }]}>
            {isNew
              ? <Select data-testid="field-lookup" options={objects.map((o) => ({ value: o.key, label: labelIn(o.label, me.locale) }))} />
              : <Typography.Text>{labelIn(objects.find((o) => o.key === field?.lookup)?.label ?? { zh: field?.lookup ?? '', en: field?.lookup ?? '' }, me.locale)}</Typography.Text>}
          </Form.Item>
        )}
        {isNew && isPicklist(type) && (
          <Form.Item name="options" label={t('metadata.options.label')}>
            <OptionsEditor />
          </Form.Item>
        )}
        {canMaxLength && (
          <Form.Item name="maxLength" label={t('metadata.field.maxLength')}>
            <InputNumber min={1} max={MAX_LENGTH[type ?? 'text']} precision={0} placeholder={String(MAX_LENGTH[type ?? 'text'])} data-testid="field-max-length" />
          </Form.Item>
        )}
        {type === 'autonumber' && (isNew || field?.custom) && (
          <Space align="start">
            <Form.Item name="prefix" label={t('metadata.field.prefix')} rules={[{ pattern: /^\S*$/, message: t('metadata.field.prefix') }]}>
              <Input maxLength={20} placeholder="KH-" data-testid="field-prefix" />
            </Form.Item>
            <Form.Item name="digits" label={t('metadata.field.digits')}>
              <InputNumber min={1} max={12} precision={0} data-testid="field-digits" />
            </Form.Item>
            <Form.Item label=" "><Typography.Text type="secondary">{t('metadata.field.example', { example: autonumberExample(prefix, digits) })}</Typography.Text></Form.Item>
          </Space>
        )}
        {!readOnly && (
          <Space size="large" wrap>
            <Form.Item name="required" valuePropName="checked" noStyle>
              <Checkbox disabled={!canRequired} data-testid="field-required">{t('metadata.field.required')}</Checkbox>
            </Form.Item>
            <Form.Item name="onCreate" valuePropName="checked" noStyle>
              <Checkbox disabled={!canOnCreate} data-testid="field-on-create">
                <Typography.Text title={t('metadata.field.onCreateHint')}>{t('metadata.field.onCreate')}</Typography.Text>
              </Checkbox>
            </Form.Item>
          </Space>
        )}
        {canIndex && (
          <Form.Item name="indexed" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }} extra={t('metadata.field.indexedHint')}>
            <Checkbox data-testid="field-indexed">{t('metadata.field.indexed')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

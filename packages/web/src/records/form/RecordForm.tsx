import { Alert, App, Button, Col, ConfigProvider, Form, Modal, Row } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/me';
import { newIdempotencyKey, recordsApi } from '../api';
import type { RecordData } from '../extensions';
import { editableFields, textOf, useLocale } from '../fields';
import { FieldAddonSlot } from './FieldAddonSlot';
import { FieldInput } from './FieldInput';
import { useFieldLocks } from './useFieldLocks';
import { changedValues, fieldProblems, filledValues, isConflict, mergeAfterConflict, valuesOf } from './formValues';

interface Props {
  meta: ObjectMeta;
  open: boolean;
  /** Edit this record; create a new one when absent. */
  record?: RecordData;
  /** Values a new record starts with (the account of a contact created from the account's page). */
  prefill?: Record<string, unknown>;
  /** Names of prefilled references (display names). */
  prefillDisplay?: Record<string, string>;
  /** Creates through another endpoint (公海池 → 新建 creates in the pool, with no owner). */
  create?: (values: Record<string, unknown>, idempotencyKey: string) => Promise<RecordData>;
  onClose(): void;
  onSaved(record: RecordData): void;
}

/**
 * The create / edit form, built from metadata: the create-form fields first, the rest behind
 * "填写更多信息"; server field errors land on their inputs; a stale edit keeps what was typed.
 */
export function RecordForm({ meta, open, record, prefill, prefillDisplay, create, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const me = useCurrentUser();
  const [form] = Form.useForm<Record<string, unknown>>();
  const mode = record ? 'edit' : 'create';
  const [base, setBase] = useState<RecordData | undefined>(record);
  const [showMore, setShowMore] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const locks = useFieldLocks(meta, base);

  // Long text takes a whole row; it goes last so the two columns keep no holes.
  const fields = useMemo(() => {
    const all = editableFields(meta, mode);
    const wide = (f: FieldMeta) => f.type === 'textarea';
    return [...all.filter((f) => !wide(f)), ...all.filter(wide)];
  }, [meta, mode]);
  const prefilled = new Set(Object.keys(prefill ?? {}));
  const primary = fields.filter((f) => mode === 'edit' || f.onCreate || prefilled.has(f.key));
  const more = fields.filter((f) => !primary.includes(f));
  const display: Record<string, string> = { ...(mode === 'create' ? { ownerId: me.name } : {}), ...prefillDisplay, ...base?.display };

  useEffect(() => {
    if (!open) return;
    setBase(record);
    setShowMore(false);
    setConflict(false);
    idempotencyKey.current = newIdempotencyKey();
    form.resetFields();
    // A new record starts from the fields' defaults (销售阶段 → its first stage, 跟进状态 → 未处理), as the server would fill them.
    const defaults = Object.fromEntries(fields.filter((f) => f.defaultValue !== undefined && !f.readOnly).map((f) => [f.key, f.defaultValue]));
    form.setFieldsValue(record ? valuesOf(record, fields) : { ...defaults, ...(meta.owned ? { ownerId: me.id } : {}), ...prefill });
    // Reset only when the dialog opens or turns to another record: the other inputs are stable while it is open.
  }, [open, record?.id]);

  const reload = async () => {
    if (!base) return;
    const fresh = await recordsApi.read(meta.key, base.id);
    form.setFieldsValue(mergeAfterConflict(form.getFieldsValue(true), valuesOf(base, fields), fresh));
    setBase(fresh);
    setConflict(false);
  };

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = base
        ? await recordsApi.update(meta.key, base.id, base.version, changedValues(valuesOf(base, fields), values))
        : await (create ?? ((v, key) => recordsApi.create(meta.key, v, key)))(filledValues(values), idempotencyKey.current);
      void message.success(t(base ? 'records.form.updated' : 'records.form.created', { object: textOf(meta.label, locale) }));
      onSaved(saved);
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        return;
      }
      const problems = fieldProblems(error);
      const known = problems.filter((p) => fields.some((f) => f.key === p.field));
      form.setFields(known.map((p) => ({ name: p.field, errors: [t(`records.reason.${p.reason}`, { defaultValue: p.reason })] })));
      if (known.some((p) => more.some((f) => f.key === p.field))) setShowMore(true);
      void message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  // An add-on fills other inputs (工商信息回填): the form's own fields only, unfolding 填写更多信息 when one lies there.
  const fillValues = (values: Record<string, unknown>) => {
    const known = Object.fromEntries(Object.entries(values).filter(([k]) => fields.some((f) => f.key === k)));
    form.setFieldsValue(known);
    if (more.some((f) => f.key in known)) setShowMore(true);
  };

  const item = (field: FieldMeta) => {
    const label = textOf(field.label, locale);
    // On create, required fields behind "填写更多信息" get the server's default (跟进状态 → 未处理).
    const enforce = field.required && (mode === 'edit' || primary.includes(field));
    return (
      <Col key={field.key} span={field.type === 'textarea' ? 24 : 12}>
        {/* A field a feature locks on this record (金额 of an opportunity with product lines) shows, disabled. */}
        <ConfigProvider componentDisabled={locks.has(field.key)}>
          <Form.Item
            name={field.key} label={label} required={enforce}
            rules={enforce ? [{ required: true, whitespace: field.type !== 'boolean', message: t('records.form.required', { field: label }) }] : []}
            style={{ marginBottom: 12 }} extra={locks.has(field.key) ? t(locks.get(field.key)!) : undefined}
          >
            <FieldInput field={field} original={base?.[field.key]} displayName={display[field.key]} />
          </Form.Item>
        </ConfigProvider>
        <FieldAddonSlot meta={meta} field={field} form={form} recordId={base?.id} setValues={fillValues} />
      </Col>
    );
  };

  return (
    <Modal
      open={open}
      title={t(mode === 'edit' ? 'records.form.editTitle' : 'records.form.createTitle', { object: textOf(meta.label, locale) })}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void submit()} data-testid="record-form-save">{t('common.save')}</Button>,
      ]}
    >
      {conflict && (
        <Alert
          type="warning" showIcon style={{ marginBottom: 12 }} data-testid="conflict-alert"
          title={t('records.conflict.title')} description={t('records.conflict.keepTyped')}
          action={<Button size="small" onClick={() => void reload()} data-testid="conflict-reload">{t('records.conflict.reload')}</Button>}
        />
      )}
      <Form form={form} layout="vertical" data-testid="record-form" onFinish={() => void submit()} requiredMark>
        <Row gutter={16}>{primary.map(item)}</Row>
        {more.length > 0 && (
          <Button type="link" style={{ padding: 0, marginBottom: 8 }} onClick={() => setShowMore(!showMore)} data-testid="form-more">
            {showMore ? <UpOutlined /> : <DownOutlined />} {t(showMore ? 'records.form.lessInfo' : 'records.form.moreInfo')}
          </Button>
        )}
        {/* Hidden fields stay mounted so what was typed there survives folding. */}
        <Row gutter={16} style={{ display: showMore ? undefined : 'none' }}>{more.map(item)}</Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

import { Alert, App, Button, Space, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../api';
import type { RecordData } from '../extensions';
import { FieldValue } from '../FieldValue';
import { isEditable } from '../fields';
import { FieldInput } from '../form/FieldInput';
import { fieldProblems, isConflict, sameValue } from '../form/formValues';

interface Props {
  meta: ObjectMeta;
  field: FieldMeta;
  record: RecordData;
  onSaved(record: RecordData): void;
  /** Reads the record again (after someone else changed it). */
  onReload(): Promise<unknown>;
  /** Message key of why a feature keeps this field read-only on this record (records/form/useFieldLocks.ts). */
  lockedReason?: string;
}

/**
 * One field of 资料, edited in place: ✓ or Enter saves it with the record's version, Esc gives up.
 * When someone else changed the record meanwhile, the draft stays open until the newest is loaded.
 */
export function InlineField({ meta, field, record, onSaved, onReload, lockedReason }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const editable = isEditable(field) && !lockedReason;

  const start = () => {
    setDraft(record[field.key] ?? null);
    setProblem(null);
    setConflict(false);
    setEditing(true);
  };

  const save = async () => {
    if (sameValue(draft, record[field.key])) return setEditing(false);
    setSaving(true);
    try {
      const saved = await recordsApi.update(meta.key, record.id, record.version, { [field.key]: draft === '' ? null : draft });
      setEditing(false);
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
      } else {
        const mine = fieldProblems(error).find((p) => p.field === field.key);
        setProblem(mine ? t(`records.reason.${mine.reason}`, { defaultValue: mine.reason }) : (error as Error).message);
      }
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    return (
      <div className="record-field-value" style={{ display: 'flex', gap: 8, alignItems: 'flex-start', minHeight: 22 }} data-testid={`value-${field.key}`}>
        <span style={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }}><FieldValue field={field} record={record} /></span>
        {lockedReason && (
          <Tooltip title={t(lockedReason)}><LockOutlined style={{ color: '#999', marginTop: 4 }} data-testid={`locked-${field.key}`} /></Tooltip>
        )}
        {editable && (
          <Button
            type="text" size="small" icon={<EditOutlined />} onClick={start} className="record-field-edit"
            aria-label={t('records.detail.editField')} data-testid={`edit-${field.key}`}
          />
        )}
      </div>
    );
  }

  return (
    <div
      data-testid={`editing-${field.key}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setEditing(false);
      }}
    >
      <Space.Compact style={{ width: '100%' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <FieldInput
            field={field} value={draft} onChange={setDraft} original={record[field.key]} displayName={record.display?.[field.key]}
            autoFocus onPressEnter={() => void save()}
          />
        </div>
        <Button type="primary" icon={<CheckOutlined />} loading={saving} onClick={() => void save()} aria-label={t('common.save')} data-testid={`save-${field.key}`} />
        <Button icon={<CloseOutlined />} onClick={() => setEditing(false)} aria-label={t('common.cancel')} />
      </Space.Compact>
      {problem && <Typography.Text type="danger" data-testid={`problem-${field.key}`}>{problem}</Typography.Text>}
      {conflict && (
        <Alert
          type="warning" showIcon style={{ marginTop: 8 }} data-testid="conflict-alert"
          title={t('records.conflict.title')} description={t('records.conflict.keepTyped')}
          action={<Button size="small" data-testid="conflict-reload" onClick={() => void onReload().then(() => setConflict(false))}>{t('records.conflict.reload')}</Button>}
        />
      )}
    </div>
  );
}

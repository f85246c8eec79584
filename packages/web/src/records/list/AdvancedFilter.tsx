import { Alert, Button, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldMeta, FilterCondition, FilterNode, FilterOp, ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveFields, textOf, useLocale } from '../fields';
import { ConditionValue } from './ConditionValue';
import { describeNode, MAX_CONDITIONS, NO_VALUE_OPS, opsFor, type ActiveFilter } from './filters';

interface Row {
  id: number;
  field?: string;
  op?: FilterOp;
  value?: unknown;
  names?: Record<string, string>;
}
interface Draft {
  rows: Row[];
  match: 'and' | 'or';
}

interface Props {
  meta: ObjectMeta;
  open: boolean;
  current?: ActiveFilter;
  onClose(): void;
  /** Applies the conditions to the list without saving them. */
  onApply(filter: ActiveFilter | null): void;
  /** Saves them as a named view (常用检索) and switches to it; false keeps the dialog open. */
  onSaveView(name: string, filter: FilterNode): Promise<boolean>;
}

let nextRow = 1;
const emptyRow = (): Row => ({ id: nextRow++ });

const hasValue = (op: FilterOp, v: unknown) => {
  if (NO_VALUE_OPS.has(op)) return true;
  if (Array.isArray(v)) return op === 'between' ? v.some((x) => x !== null && x !== '' && x !== undefined) : v.length > 0;
  return v !== undefined && v !== null && v !== '';
};

/**
 * 自定义检索 (§3.5.5): conditions on any field, "添加更多条件" up to 20, all or any of them;
 * used at once or saved under a name as a view of one's own.
 */
export function AdvancedFilter({ meta, open, current, onClose, onApply, onSaveView }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fields = liveFields(meta);
  const [draft, setDraft] = useState<Draft>({ rows: [emptyRow()], match: 'and' });
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setDraft((current?.draft as Draft | undefined) ?? { rows: [emptyRow()], match: 'and' });
    setName('');
    setProblem(null);
  }, [open, current]);

  const field = (key?: string) => fields.find((f) => f.key === key);
  const update = (id: number, patch: Partial<Row>) => setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));

  /** The conditions as a filter, or why they are not ready. */
  const build = (): { node: FilterNode; names: Record<string, string> } | string => {
    const rows = draft.rows.filter((r) => r.field);
    if (!rows.length) return t('records.advanced.noConditions');
    const conditions: FilterCondition[] = [];
    for (const r of rows) {
      if (!r.op || !hasValue(r.op, r.value)) return t('records.advanced.incomplete', { field: textOf(field(r.field)!.label, locale) });
      conditions.push(NO_VALUE_OPS.has(r.op) ? { field: r.field!, op: r.op } : { field: r.field!, op: r.op, value: r.value });
    }
    const names = Object.assign({}, ...rows.map((r) => r.names ?? {})) as Record<string, string>;
    return { node: conditions.length === 1 ? conditions[0]! : draft.match === 'and' ? { and: conditions } : { or: conditions }, names };
  };

  const apply = () => {
    const built = build();
    if (typeof built === 'string') return setProblem(built);
    onApply({ key: 'advanced', node: built.node, text: describeNode(built.node, (k) => field(k), locale, t, built.names), draft });
  };

  const save = async () => {
    const built = build();
    if (typeof built === 'string') return setProblem(built);
    if (!name.trim()) return setProblem(t('records.advanced.nameRequired'));
    setSaving(true);
    try {
      if (await onSaveView(name.trim(), built.node)) onClose();
    } finally {
      setSaving(false);
    }
  };

  const fieldOptions = fields.map((f: FieldMeta) => ({ value: f.key, label: textOf(f.label, locale) }));

  return (
    <Modal
      open={open} onCancel={onClose} width={820} title={t('records.advanced.title')} destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Input placeholder={t('records.advanced.viewName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={50} style={{ width: 200 }} data-testid="advanced-view-name" />
            <Button onClick={() => void save()} loading={saving} data-testid="advanced-save">{t('records.advanced.saveView')}</Button>
          </Space>
          <Space>
            <Button onClick={() => { onApply(null); onClose(); }}>{t('records.filter.reset')}</Button>
            <Button type="primary" onClick={apply} data-testid="advanced-apply">{t('records.advanced.apply')}</Button>
          </Space>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="advanced-filter">
        <Radio.Group value={draft.match} onChange={(e) => setDraft({ ...draft, match: e.target.value })}
          options={[{ value: 'and', label: t('records.advanced.matchAll') }, { value: 'or', label: t('records.advanced.matchAny') }]} />
        {draft.rows.map((row, i) => {
          const f = field(row.field);
          return (
            <Space key={row.id} align="start" wrap data-testid={`condition-${i}`}>
              <Typography.Text type="secondary" style={{ display: 'inline-block', width: 20, lineHeight: '32px' }}>{i + 1}</Typography.Text>
              <Select
                showSearch={{ optionFilterProp: 'label' }} placeholder={t('records.advanced.field')} style={{ width: 180 }} value={row.field}
                options={fieldOptions} data-testid={`condition-field-${i}`}
                onChange={(key: string) => { const nf = field(key); update(row.id, { field: key, op: nf ? opsFor(nf)[0] : undefined, value: undefined, names: undefined }); }}
              />
              {f && (
                <Select
                  style={{ width: 140 }} value={row.op} data-testid={`condition-op-${i}`}
                  options={opsFor(f).map((op) => ({ value: op, label: t(`records.op.${op}`) }))}
                  onChange={(op: FilterOp) => update(row.id, { op, value: undefined })}
                />
              )}
              {f && row.op && (
                <ConditionValue field={f} op={row.op} value={row.value}
                  onChange={(value, names) => update(row.id, names ? { value, names: { ...row.names, ...names } } : { value })} />
              )}
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={draft.rows.length === 1}
                onClick={() => setDraft({ ...draft, rows: draft.rows.filter((r) => r.id !== row.id) })} />
            </Space>
          );
        })}
        <Button type="dashed" icon={<PlusOutlined />} disabled={draft.rows.length >= MAX_CONDITIONS} data-testid="add-condition"
          onClick={() => setDraft({ ...draft, rows: [...draft.rows, emptyRow()] })}>
          {t('records.advanced.addMore')} ({draft.rows.length}/{MAX_CONDITIONS})
        </Button>
        {problem && <Alert type="error" showIcon title={problem} data-testid="advanced-problem" />}
      </Space>
    </Modal>
  );
}

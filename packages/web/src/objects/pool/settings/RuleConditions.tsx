import { Button, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MAX_ASSIGN_CONDITIONS, type AssignCondition, type FilterOp, type ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { liveFields, textOf, useLocale } from '../../../records/fields';
import { ConditionValue } from '../../../records/list/ConditionValue';
import { NO_VALUE_OPS, opsFor } from '../../../records/list/filters';

export interface ConditionRow {
  id: number;
  field?: string;
  op?: FilterOp;
  value?: unknown;
}

let nextRow = 1;
export const conditionRow = (c: Partial<AssignCondition> = {}): ConditionRow => ({ id: nextRow++, field: c.field, op: c.op as FilterOp | undefined, value: c.value });

/** §3.2.8: a new rule starts with 退回次数 (≥ 0, so it matches every record until narrowed); it may be removed. */
export const defaultConditions = (): ConditionRow[] => [conditionRow({ field: 'returnedCount', op: 'gte', value: '0' })];

const filled = (r: ConditionRow) => {
  if (!r.op) return false;
  if (NO_VALUE_OPS.has(r.op)) return true;
  const v = r.value;
  return Array.isArray(v) ? v.some((x) => x !== null && x !== undefined && x !== '') : v !== undefined && v !== null && v !== '';
};

/** The rows as the API takes them, or the label of the first field whose condition is unfinished. */
export function toConditions(rows: ConditionRow[], meta: ObjectMeta, locale: 'zh-CN' | 'en-US'): AssignCondition[] | { incomplete: string } {
  const out: AssignCondition[] = [];
  for (const r of rows.filter((x) => x.field)) {
    if (!filled(r)) return { incomplete: textOf(meta.fields.find((f) => f.key === r.field)?.label ?? { zh: r.field!, en: r.field! }, locale) };
    out.push(NO_VALUE_OPS.has(r.op!) ? { field: r.field!, op: r.op! } : { field: r.field!, op: r.op!, value: r.value });
  }
  return out;
}

/** The conditions of an auto-assign rule, all of which must hold: field / operator / value, up to 20 (the 高级筛选 pieces). */
export function RuleConditions({ meta, rows, onChange }: { meta: ObjectMeta; rows: ConditionRow[]; onChange(rows: ConditionRow[]): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Nobody holds a record in the pool: its owner cannot be a condition.
  const fields = liveFields(meta).filter((f) => f.key !== 'ownerId');
  const fieldOf = (key?: string) => fields.find((f) => f.key === key);
  const update = (id: number, patch: Partial<ConditionRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rule-conditions">
      <Typography.Text type="secondary">{t('pool.rules.conditionsHint')}</Typography.Text>
      {rows.map((row, i) => {
        const f = fieldOf(row.field);
        return (
          <Space key={row.id} align="start" wrap data-testid={`rule-condition-${i}`}>
            <Typography.Text type="secondary" style={{ display: 'inline-block', width: 20, lineHeight: '32px' }}>{i + 1}</Typography.Text>
            <Select
              showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} value={row.field} placeholder={t('records.advanced.field')}
              options={fields.map((x) => ({ value: x.key, label: textOf(x.label, locale) }))} data-testid={`rule-condition-field-${i}`}
              onChange={(key: string) => { const nf = fieldOf(key); update(row.id, { field: key, op: nf ? opsFor(nf)[0] : undefined, value: undefined }); }}
            />
            {f && (
              <Select
                style={{ width: 130 }} value={row.op} data-testid={`rule-condition-op-${i}`}
                options={opsFor(f).filter((op) => op !== 'isMe' && op !== 'isMySubordinates').map((op) => ({ value: op, label: t(`records.op.${op}`) }))}
                onChange={(op: FilterOp) => update(row.id, { op, value: undefined })}
              />
            )}
            {f && row.op && <ConditionValue field={f} op={row.op} value={row.value} onChange={(value) => update(row.id, { value })} />}
            <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onChange(rows.filter((r) => r.id !== row.id))} />
          </Space>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} disabled={rows.length >= MAX_ASSIGN_CONDITIONS} data-testid="rule-add-condition"
        onClick={() => onChange([...rows, conditionRow()])}>
        {t('records.advanced.addMore')} ({rows.length}/{MAX_ASSIGN_CONDITIONS})
      </Button>
    </Space>
  );
}

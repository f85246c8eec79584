import { Form, type FormInstance } from 'antd';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { fieldAddons } from '../extensions';

interface Props {
  meta: ObjectMeta;
  field: FieldMeta;
  form: FormInstance;
  recordId?: string;
  /** How an add-on fills other inputs; by default the inputs `form` has are set, others dropped. */
  setValues?: (values: Record<string, unknown>) => void;
}

/** What features add under a form field (查重 under 公司名称 …), given the field's current input. */
export function FieldAddonSlot({ meta, field, form, recordId, setValues }: Props) {
  const addons = fieldAddons.filter((a) => a.field === field.key && a.objects.includes(meta.key));
  const value: unknown = Form.useWatch(field.key, form);
  if (addons.length === 0) return null;
  const set = setValues ?? ((values: Record<string, unknown>) => {
    const shown = form.getFieldsValue() as Record<string, unknown>; // the registered inputs only
    form.setFieldsValue(Object.fromEntries(Object.entries(values).filter(([k]) => k in shown)));
  });
  return (
    <div data-testid={`addon-${field.key}`} style={{ marginTop: -8, marginBottom: 12 }}>
      {addons.map((a, i) => <div key={i}>{a.render({ object: meta, value, recordId, setValues: set })}</div>)}
    </div>
  );
}

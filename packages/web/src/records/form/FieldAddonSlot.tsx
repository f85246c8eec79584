import { Form, type FormInstance } from 'antd';
import type { FieldMeta, ObjectMeta } from '@yixiao/core';
import { fieldAddons } from '../extensions';

/** What features add under a form field (查重 under 公司名称 …), given the field's current input. */
export function FieldAddonSlot({ meta, field, form, recordId }: { meta: ObjectMeta; field: FieldMeta; form: FormInstance; recordId?: string }) {
  const addons = fieldAddons.filter((a) => a.field === field.key && a.objects.includes(meta.key));
  const value: unknown = Form.useWatch(field.key, form);
  if (addons.length === 0) return null;
  return (
    <div data-testid={`addon-${field.key}`} style={{ marginTop: -8, marginBottom: 12 }}>
      {addons.map((a, i) => <div key={i}>{a.render({ object: meta, value, recordId })}</div>)}
    </div>
  );
}

import type { Db } from '../../db/database';
import { invalid } from '../../platform/http/errors';
import { loadObject } from '../registry';
import type { AdminField } from './field.types';
import { adminFields, auditMetadata, lockObjectMetadata, readSettings, saveSettings, type Actor } from './field-rows';

/** 字段排序: the order forms and the field list show; it must name every field of the object once. */
export async function orderFields(db: Db, actor: Actor, objectKey: string, keys: readonly string[]): Promise<AdminField[]> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockObjectMetadata(tx, tenantId, objectKey);
    const [object, stored] = await Promise.all([loadObject(tx, tenantId, objectKey), readSettings(tx, tenantId, objectKey)]);
    const before = object.fields.map((f) => f.key);
    if (keys.length !== before.length || new Set(keys).size !== keys.length || keys.some((k) => !object.field(k))) throw invalid('metadata.bad_order');
    if (keys.every((k, i) => before[i] === k) && [...stored.values()].every((s) => s.sortOrder > 0)) return adminFields(tx, tenantId, objectKey);
    for (const [index, key] of keys.entries()) {
      const field = object.field(key)!;
      await saveSettings(tx, tenantId, objectKey, key, field.custom, stored.get(key)?.settings ?? {}, index + 1);
    }
    await auditMetadata(tx, actor, objectKey, 'order_fields', [{ field: 'order', old: before, new: keys }]);
    return adminFields(tx, tenantId, objectKey);
  });
}

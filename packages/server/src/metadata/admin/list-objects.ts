import type { DbOrTx } from '../../db/database';
import { STANDARD_OBJECTS } from '../objects';
import type { StoredSettings } from './field-rows';

/** 对象与字段: the standard objects with how many fields each has, standard and custom. */
export async function listObjects(db: DbOrTx, tenantId: string) {
  const custom = await db.selectFrom('field_settings').select(['object', 'settings'])
    .where('tenant_id', '=', tenantId).where('custom', '=', true).execute();
  const count = (object: string, retired: boolean) =>
    custom.filter((r) => r.object === object && ((r.settings as StoredSettings).retired === true) === retired).length;
  return STANDARD_OBJECTS.map((object) => ({
    key: object.key,
    label: object.label,
    standardFields: object.fields.length,
    customFields: count(object.key, false),
    retiredFields: count(object.key, true),
  }));
}

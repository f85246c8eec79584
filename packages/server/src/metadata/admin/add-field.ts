import type { Db } from '../../db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { AppError } from '../../platform/http/errors';
import { loadObject } from '../registry';
import { queueCustomIndex } from './custom-indexes';
import { customFieldKey, MAX_CUSTOM_FIELDS, newCustomSettings } from './custom-settings';
import type { AdminField, CreateFieldBody } from './field.types';
import { adminField, auditMetadata, lockObjectMetadata, readSettings, saveSettings, type Actor } from './field-rows';

/**
 * 新建字段: adds a custom field to an object. It is live at once for every form, list, filter and
 * the company's OpenAPI document, because all of them read the metadata per request.
 */
export async function addCustomField(db: Db, jobs: Jobs, actor: Actor, objectKey: string, input: CreateFieldBody): Promise<AdminField> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockObjectMetadata(tx, tenantId, objectKey);
    const [object, stored] = await Promise.all([loadObject(tx, tenantId, objectKey), readSettings(tx, tenantId, objectKey)]);
    const customCount = [...stored.values()].filter((s) => s.custom).length;
    if (customCount >= MAX_CUSTOM_FIELDS) throw new AppError(409, 'too_many_fields', 'metadata.too_many_fields', { max: MAX_CUSTOM_FIELDS });
    const key = customFieldKey(input.key, input.label.en, (k) => object.field(k) !== undefined || stored.has(k));
    const settings = newCustomSettings(input);
    // Once the administrator has arranged the fields, a new one goes to the end of that order.
    const arranged = [...stored.values()].map((s) => s.sortOrder);
    const sortOrder = arranged.some((n) => n > 0) ? Math.max(...arranged) + 1 : 0;
    await saveSettings(tx, tenantId, objectKey, key, true, settings, sortOrder);
    await auditMetadata(tx, actor, `${objectKey}.${key}`, 'add_field',
      Object.entries(settings).map(([field, value]) => ({ field, old: null, new: value })));
    if (settings.indexed) await queueCustomIndex(jobs, tx, { tenantId, object: objectKey, key });
    return adminField(tx, tenantId, objectKey, key);
  });
}

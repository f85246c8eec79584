import type { Db } from '../../db/database';
import { invalid } from '../../platform/http/errors';
import type { Jobs } from '../../platform/jobs/jobs';
import { queueCustomIndex } from './custom-indexes';
import type { AdminField } from './field.types';
import { adminField, auditMetadata, loadField, lockObjectMetadata, readSettings, saveSettings, type Actor } from './field-rows';

/**
 * 停用 / 恢复 a custom field. A retired field leaves forms, lists, filters, the API's records and
 * the OpenAPI document, and refuses writes; its values stay in every record's `custom`, so
 * restoring it brings them back unchanged. Standard fields are part of the product and stay.
 */
export async function setFieldRetired(db: Db, jobs: Jobs, actor: Actor, objectKey: string, key: string, retired: boolean): Promise<AdminField> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockObjectMetadata(tx, tenantId, objectKey);
    const { field } = await loadField(tx, tenantId, objectKey, key);
    if (!field.custom) throw invalid('metadata.standard_not_retirable');
    if (field.retired !== retired) {
      const stored = (await readSettings(tx, tenantId, objectKey)).get(key)!.settings;
      await saveSettings(tx, tenantId, objectKey, key, true, { ...stored, retired });
      await auditMetadata(tx, actor, `${objectKey}.${key}`, retired ? 'retire_field' : 'restore_field', [{ field: 'retired', old: !retired, new: retired }]);
      // A retired field's index only costs writes; it is rebuilt on restore.
      if (stored.indexed) await queueCustomIndex(jobs, tx, { tenantId, object: objectKey, key });
    }
    return adminField(tx, tenantId, objectKey, key);
  });
}

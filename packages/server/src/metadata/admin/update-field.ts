import type { Db } from '../../db/database';
import { diffFields } from '../../platform/audit/audit';
import { invalid } from '../../platform/http/errors';
import type { Jobs } from '../../platform/jobs/jobs';
import { queueCustomIndex } from './custom-indexes';
import { autonumberFormat, checkMaxLength } from './custom-settings';
import type { AdminField, UpdateFieldBody } from './field.types';
import { fieldPermits, hasDefault, standardDefinition } from './field-rules';
import { adminField, auditMetadata, loadField, lockObjectMetadata, readSettings, saveSettings, type Actor, type StoredSettings } from './field-rows';

/**
 * 编辑字段: labels, required, on the create form, and for custom fields their length, number
 * format and index. A field's type and key never change; a standard field keeps what the system
 * relies on (a required name stays required, system-maintained fields only take a new label).
 */
export async function updateField(db: Db, jobs: Jobs, actor: Actor, objectKey: string, key: string, input: UpdateFieldBody): Promise<AdminField> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockObjectMetadata(tx, tenantId, objectKey);
    const { object, field } = await loadField(tx, tenantId, objectKey, key);
    const before: StoredSettings = (await readSettings(tx, tenantId, objectKey)).get(key)?.settings ?? {};
    const permits = fieldPermits(object, field);
    const next: StoredSettings = { ...before };
    const name = field.label.zh;

    if (input.label) next.label = { zh: input.label.zh, en: input.label.en || input.label.zh };
    if (input.required !== undefined && input.required !== field.required) {
      if (!permits.required) {
        if (field.readOnly) throw invalid('metadata.read_only_field', { field: name });
        throw invalid(standardDefinition(object, key)?.required ? 'metadata.required_locked' : 'metadata.required_not_allowed', { field: name });
      }
      next.required = input.required;
    }
    if (input.onCreate !== undefined && input.onCreate !== field.onCreate) {
      if (field.readOnly) throw invalid(field.type === 'autonumber' ? 'metadata.autonumber_read_only' : 'metadata.read_only_field', { field: name });
      next.onCreate = input.onCreate;
    }
    // A required field without a default must be on the create form, or nobody could create a record.
    const required = input.required ?? field.required;
    if (required && !hasDefault(field) && !(next.onCreate ?? field.onCreate)) {
      if (input.onCreate === false) throw invalid('metadata.on_create_locked');
      next.onCreate = true;
    }
    if (input.maxLength !== undefined) {
      if (!permits.maxLength) throw invalid('metadata.max_length_not_allowed');
      // undefined rather than delete: the change still shows in the log, and JSON leaves the key out.
      next.maxLength = checkMaxLength(field.type, input.maxLength);
    }
    if (input.autonumber !== undefined) {
      if (!field.custom || field.type !== 'autonumber') throw invalid('metadata.autonumber_not_allowed');
      next.autonumber = autonumberFormat(input.autonumber, field.autonumber);
    }
    if (input.indexed !== undefined) {
      if (input.indexed && !permits.index) throw invalid('metadata.not_indexable', { type: field.type });
      if (field.custom) next.indexed = input.indexed;
    }

    const changes = diffFields(before, next, ['label', 'required', 'onCreate', 'maxLength', 'autonumber', 'indexed']);
    if (changes.length > 0) {
      await saveSettings(tx, tenantId, objectKey, key, field.custom, next);
      await auditMetadata(tx, actor, `${objectKey}.${key}`, 'update_field', changes);
      if (changes.some((c) => c.field === 'indexed')) await queueCustomIndex(jobs, tx, { tenantId, object: objectKey, key });
    }
    return adminField(tx, tenantId, objectKey, key);
  });
}

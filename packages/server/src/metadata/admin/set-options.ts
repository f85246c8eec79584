import { sql, type SqlBool } from 'kysely';
import type { PicklistOption } from '@yixiao/core';
import type { Db, Tx } from '../../db/database';
import { AppError, invalid } from '../../platform/http/errors';
import { fieldRef, R } from '../../records/sql-ref';
import type { EngineField, EngineObject } from '../registry';
import type { AdminField, OptionInput } from './field.types';
import { fieldPermits, standardDefinition } from './field-rules';
import { adminField, auditMetadata, loadField, lockObjectMetadata, readSettings, saveSettings, type Actor } from './field-rows';
import { normaliseOptions } from './options';

/** How many records of the company hold the option (capped: the answer only needs "some"). */
async function optionUse(tx: Tx, tenantId: string, object: EngineObject, field: EngineField, value: string): Promise<number> {
  const ref = fieldRef(field);
  const holds = field.type === 'multipicklist'
    ? (field.column ? sql<SqlBool>`${value} = ANY(${ref})` : sql<SqlBool>`${ref} ? ${value}`)
    : sql<SqlBool>`${ref} = ${value}`;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(object.table)} AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${holds} LIMIT 10000) used`.execute(tx);
  return rows[0]!.n;
}

/**
 * 编辑选项: the field's options in their new order. Options are named by value, and a value never
 * changes, so records keep theirs; labels, order and "enabled" may change. An option records use
 * cannot be removed (disable it: it stays on those records and leaves the choices), nor can a
 * built-in option of a standard field or the field's default.
 */
export async function setOptions(db: Db, actor: Actor, objectKey: string, key: string, input: readonly OptionInput[]): Promise<AdminField> {
  const { tenantId } = actor.auth;
  return db.transaction().execute(async (tx) => {
    await lockObjectMetadata(tx, tenantId, objectKey);
    const { object, field } = await loadField(tx, tenantId, objectKey, key);
    if (!fieldPermits(object, field).options) throw invalid('metadata.options_not_allowed');
    const options = normaliseOptions(input);
    const before: PicklistOption[] = field.options ?? [];
    const kept = new Set(options.map((o) => o.value));
    const builtIn = new Set((standardDefinition(object, key)?.options ?? []).map((o) => o.value));
    for (const option of before.filter((o) => !kept.has(o.value))) {
      if (builtIn.has(option.value)) throw invalid('metadata.option_standard', { value: option.value });
      const used = await optionUse(tx, tenantId, object, field, option.value);
      if (used > 0) throw new AppError(409, 'option_in_use', 'metadata.option_in_use', { value: option.value, count: used });
    }
    const fallback = typeof field.defaultValue === 'string' ? field.defaultValue : undefined;
    if (fallback !== undefined && !options.some((o) => o.value === fallback && o.enabled)) throw invalid('metadata.option_default', { value: fallback });

    if (JSON.stringify(before) !== JSON.stringify(options)) {
      const stored = (await readSettings(tx, tenantId, objectKey)).get(key)?.settings ?? {};
      await saveSettings(tx, tenantId, objectKey, key, field.custom, { ...stored, options });
      await auditMetadata(tx, actor, `${objectKey}.${key}`, 'set_options', [{ field: 'options', old: before, new: options }]);
    }
    return adminField(tx, tenantId, objectKey, key);
  });
}

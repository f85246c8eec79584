import type { ImportTarget } from '@yixiao/core';
import type { EngineField, EngineObject } from '../../metadata/registry';

/**
 * What an object declares for imports beyond its metadata (the one place objects add import rules).
 * Field required-ness, labels and options all come from the metadata; this lists only what the
 * manual adds on top.
 */
export interface ObjectImportRules {
  /** Columns a file must carry even when the field itself is optional (§3.2.2, §3.5.3), by field key. */
  requiredColumns: string[];
  /** Further header names accepted for a field: the manual's words (负责人, 状态) beside the metadata label. */
  aliases?: Record<string, string[]>;
  /** Fields an overwrite (覆盖导入) leaves as they are, beyond the create-only ones (所属公海). */
  keepOnOverwrite?: string[];
}

/** Every owned object's owner column also answers to 负责人 / Owner, the manual's name for it. */
const OWNER_ALIASES = { ownerId: ['负责人', '所有人', 'Owner'] };

const RULES: Record<string, ObjectImportRules> = {
  // §3.2.2 / §3.3.2: 姓名, 公司名称, 负责人 and 状态 must be kept.
  lead: { requiredColumns: ['name', 'companyName', 'ownerId', 'status'], aliases: { ...OWNER_ALIASES, status: ['状态'] } },
  // §3.5.3 / §3.4.3: 客户名称, 客户所有人, 公海池分组; an overwrite keeps 负责人 and 所属公海 (§3.4.3).
  account: { requiredColumns: ['name', 'ownerId', 'poolGroupId'], aliases: { ...OWNER_ALIASES, poolGroupId: ['公海池分组'] }, keepOnOverwrite: ['ownerId'] },
  // §3.6: a contact always belongs to an existing account.
  contact: { requiredColumns: ['name', 'accountId'], aliases: OWNER_ALIASES },
};

export const importRulesOf = (objectKey: string): ObjectImportRules => RULES[objectKey] ?? { requiredColumns: [], aliases: OWNER_ALIASES };

/**
 * Fields a file may fill: what a user may write on create (not read-only, not auto-numbered, not
 * retired; the system's timestamps are read-only). Records imported into a pool have no owner.
 */
export function importableFields(object: EngineObject, target: ImportTarget): EngineField[] {
  return object.fields.filter((f) => !f.readOnly && !f.retired && f.type !== 'autonumber' && !(target === 'pool' && f.key === 'ownerId'));
}

/** Keys of the columns a file must have: the object's declared ones plus its required fields. */
export function requiredColumnKeys(object: EngineObject, target: ImportTarget): Set<string> {
  const importable = new Set(importableFields(object, target).map((f) => f.key));
  const keys = [...importRulesOf(object.key).requiredColumns, ...object.fields.filter((f) => f.required).map((f) => f.key)];
  return new Set(keys.filter((k) => importable.has(k)));
}

/** Fields 覆盖导入 never changes: the object's declared ones and every create-only field (所属公海). */
export function keptOnOverwrite(object: EngineObject): string[] {
  return [...new Set([...(importRulesOf(object.key).keepOnOverwrite ?? []), ...object.fields.filter((f) => f.createOnly).map((f) => f.key)])];
}

/** Importable fields in template order: required columns first, then the rest, each in the form's order. */
export function templateFields(object: EngineObject, target: ImportTarget): EngineField[] {
  const required = requiredColumnKeys(object, target);
  const fields = importableFields(object, target);
  return [...fields.filter((f) => required.has(f.key)), ...fields.filter((f) => !required.has(f.key))];
}

import type { EngineField, EngineObject } from '../../metadata/registry';

/** The owner's line decides who sees the merged account: choosing the master chooses them. */
const FOLLOW_MASTER = new Set(['ownerId', 'departmentId']);

/**
 * Fields whose value a merge lets the user pick from any of the accounts (§3.5.10 "选择…具体的项目"):
 * what an edit may write, except the owner and department; system fields and 所属公海 stay the master's.
 */
export const mergeableFields = (object: EngineObject): EngineField[] =>
  object.fields.filter((f) => !f.readOnly && !f.retired && !f.createOnly && f.type !== 'autonumber' && !FOLLOW_MASTER.has(f.key));

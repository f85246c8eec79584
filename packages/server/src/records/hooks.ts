import type { Tx } from '../db/database';
import type { RecordScope } from './scope';

/**
 * What a business object adds to the generic writes (DESIGN.md §3: object folders add behaviour).
 * The engine calls these inside the write's transaction, so a hook that throws undoes the write.
 */
export interface RecordHooks {
  /** Before validation: company-dependent defaults (the default pool group, …) and checks on the input. */
  prepareCreate?(tx: Tx, scope: RecordScope, input: Record<string, unknown>, options: CreateOptions): Promise<void>;
  /** After the row is stored: state the object keeps beside its fields (pool state, event log, …); answers the row if it changed it. */
  afterCreate?(tx: Tx, scope: RecordScope, row: Record<string, unknown>, options: CreateOptions): Promise<Record<string, unknown> | void>;
  /** Before an edit is validated, with the locked row: object rules on which changes are allowed. */
  prepareUpdate?(tx: Tx, scope: RecordScope, row: Record<string, unknown>, input: Record<string, unknown>): Promise<void>;
  /**
   * After an edit is stored, in the same transaction, with the record before and after (API shape):
   * state transitions the object logs (an opportunity's stage history) and rules on the result.
   */
  afterUpdate?(tx: Tx, scope: RecordScope, before: Record<string, unknown>, after: Record<string, unknown>): Promise<void>;
  /** After the row is gone, in the same transaction (the pool log records deletions). */
  afterDelete?(tx: Tx, scope: RecordScope, row: Record<string, unknown>): Promise<void>;
}

export interface CreateOptions {
  /** Created straight into a pool: no owner (公海池 → 新建). */
  inPool?: boolean;
}

const hooks = new Map<string, RecordHooks[]>();

/** Object folders register their hooks when imported (app.ts imports them before routes run). */
export function registerHooks(objectKey: string, h: RecordHooks): void {
  hooks.set(objectKey, [...(hooks.get(objectKey) ?? []), h]);
}

export const hooksOf = (objectKey: string): RecordHooks[] => hooks.get(objectKey) ?? [];

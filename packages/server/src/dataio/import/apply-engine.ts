import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import type { StoredMessage } from '../../db/schema-imports';
import { AppError } from '../../platform/http/errors';
import { insertRecord } from '../../records/create-record';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { transferRecord } from '../../records/transfer-record';
import { updateRecord } from '../../records/update-record';
import { rowToRecord } from '../../records/values';
import type { Decision } from './decide';

/** What one row did: its outcome and, for a write, the record and what undo needs. */
export interface RowResult {
  line: number;
  outcome: 'created' | 'updated' | 'skipped' | 'failed';
  error: StoredMessage | null;
  change?: { recordId: string; kind: 'created' | 'updated'; previous: Record<string, unknown> | null; version: number };
}

export interface WriteRules {
  /** Fields an overwrite leaves as they are (keptOnOverwrite, e.g. an account's 负责人 and 所属公海). */
  kept: ReadonlySet<string>;
  /** Into the pool: the object's records are created without an owner (target 'pool', or an empty owner cell). */
  pooled: boolean;
  target: 'records' | 'pool';
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** A refusal as the error report shows it, in the reader's language later. */
export function reasonOf(error: unknown): StoredMessage {
  if (error instanceof AppError) return { key: error.messageKey, params: error.params };
  return { key: 'import.row.failed', params: { detail: error instanceof Error ? error.message : String(error) } };
}

/** Whether a new record goes to its pool group: a pool import, or a pooled object's row naming no owner. */
export const entersPool = (rules: WriteRules, values: Record<string, unknown>) =>
  rules.pooled && (rules.target === 'pool' || isEmpty(values.ownerId));

/**
 * Writes one row through the record engine (insertRecord / updateRecord / transferRecord), inside
 * a savepoint so a refused row rolls back alone and the batch goes on. Used for objects whose
 * own hooks the set-based path does not reproduce.
 */
export async function applyThroughEngine(tx: Tx, scope: RecordScope, rules: WriteRules, decision: Decision): Promise<RowResult> {
  const { line } = decision;
  if (decision.kind === 'skipped' || decision.kind === 'failed') return { line, outcome: decision.kind, error: decision.reason };
  const write = decision.kind === 'create'
    ? () => createOne(tx, scope, rules, decision.values)
    : () => overwriteOne(tx, scope, rules, decision.target.id, decision.values);
  await sql`SAVEPOINT import_row`.execute(tx);
  try {
    const result = await write();
    await sql`RELEASE SAVEPOINT import_row`.execute(tx);
    return { line, outcome: result.kind, error: null, change: result };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT import_row`.execute(tx);
    return { line, outcome: 'failed', error: reasonOf(error) };
  }
}

async function createOne(tx: Tx, scope: RecordScope, rules: WriteRules, values: Record<string, unknown>) {
  const inPool = entersPool(rules, values);
  const input = Object.fromEntries(Object.entries(values).filter(([k, v]) => !isEmpty(v) && !(inPool && k === 'ownerId')));
  const record = await insertRecord(tx, scope, input, { inPool });
  return { recordId: record.id as string, kind: 'created' as const, previous: null, version: record.version as number };
}

/**
 * 覆盖导入 of one record: every column the file gives is written (an empty cell blanks the field),
 * columns it leaves out stay; kept fields never change; a new owner comes by transfer (§3.3.2).
 */
async function overwriteOne(tx: Tx, scope: RecordScope, rules: WriteRules, id: string, values: Record<string, unknown>) {
  const row = await findRow(tx, scope, id, 'write', true);
  const before = rowToRecord(scope.object, row);
  const input = Object.fromEntries(Object.entries(values).filter(([k]) => !rules.kept.has(k) && k !== 'ownerId'));
  let after = await updateRecord(tx, scope, id, input, row.version as number);
  const owner = values.ownerId;
  const changed = Object.keys(input);
  // A record waiting in its pool is taken from there by the pool's own actions, not by an import.
  if (!rules.kept.has('ownerId') && typeof owner === 'string' && owner && owner !== before.ownerId && row.owner_id != null) {
    after = await transferRecord(tx, scope, id, owner);
    changed.push('ownerId', 'departmentId');
  }
  const previous = Object.fromEntries(changed.map((k) => [k, before[k] ?? null]));
  return { recordId: id, kind: 'updated' as const, previous, version: after.version as number };
}

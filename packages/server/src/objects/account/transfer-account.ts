import { sql } from 'kysely';
import type { Tx } from '../../db/database';
import { invalid } from '../../platform/http/errors';
import { findRow } from '../../records/read';
import type { RecordScope } from '../../records/scope';
import { transferRecord } from '../../records/transfer-record';
import { pointsAt, transferRelations } from './related';
import type { TransferOutcome } from './transfer.types';
import './messages';

/** §3.5.8: won and lost opportunities never move, whoever holds them. 销售流程 may relabel these stages, never change their values. */
const CLOSED_STAGES = ['赢单', '输单'];

/**
 * 转移客户 (§3.5.8), in the caller's transaction: the account goes to the new owner through the
 * engine's transfer (所属部门 follows, operation log), and so do the chosen kinds of related records
 * — each only when its owner is the account's owner, never a won or lost opportunity. Answers what
 * moved, and how many related records stayed with their current owner.
 */
export async function transferAccount(tx: Tx, scope: RecordScope, accountId: string, ownerId: string, related: string[]): Promise<TransferOutcome> {
  const relations = await transferRelations(tx, scope.auth.tenantId);
  for (const key of related) {
    if (!relations.some((r) => r.object.key === key)) throw invalid('account.transfer.bad_related', { object: key });
  }
  const before = await findRow(tx, scope, accountId, 'manage', true);
  const record = await transferRecord(tx, scope, accountId, ownerId);
  const previousOwner = before.owner_id as string | null;

  const moved: Record<string, string[]> = {};
  const kept: Record<string, number> = {};
  for (const relation of relations.filter((r) => related.includes(r.object.key))) {
    const { object } = relation;
    // In id order, as every multi-row lock here is taken, so two transfers never wait on each other in a circle.
    const { rows } = await sql<{ id: string; owner_id: string | null; closed: boolean }>`
      SELECT id, owner_id, ${object.key === 'opportunity' ? sql`stage = ANY(${CLOSED_STAGES}::text[])` : sql`false`} AS closed
      FROM ${sql.table(object.table)}
      WHERE tenant_id = ${scope.auth.tenantId}::uuid AND ${pointsAt(relation.fields, [accountId])}
      ORDER BY id FOR UPDATE`.execute(tx);
    const movable = rows.filter((r) => previousOwner !== null && r.owner_id === previousOwner && r.owner_id !== ownerId && !r.closed);
    const relatedScope: RecordScope = { ...scope, object };
    for (const row of movable) await transferRecord(tx, relatedScope, row.id, ownerId);
    moved[object.key] = movable.map((r) => r.id);
    kept[object.key] = rows.filter((r) => !movable.includes(r) && r.owner_id !== ownerId).length;
  }
  return { record, moved, kept };
}

import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import type { EngineObject } from '../../metadata/registry';
import { chooseAssignee } from './assign-rules';
import { writeEvent } from '../../records/events';
import { giveTo, heldCount } from './holding';
import { poolNotice } from './notices';
import type { PoolObject } from './pool-objects';

/** Who acts on a pool and on which object: a user's request, or the recycle job (no actor). */
export interface PoolCtx {
  tenantId: string;
  actorId: string | null;
  object: EngineObject;
  pool: PoolObject;
  timeZone: string;
}

/**
 * The records an import assigned, per user: how many, and the first few by name for the notice.
 * Kept on the import job from batch to batch, so each assignee hears once per import.
 */
export type AssignedTally = Record<string, { count: number; first: { id: string; name: string }[] }>;

export function tally(into: AssignedTally, userId: string, record: { id: string; name: string }): void {
  const entry = (into[userId] ??= { count: 0, first: [] });
  entry.count++;
  if (entry.first.length < 3) entry.first.push(record);
}

/**
 * A record just entered a pool (created, imported, returned, recycled, restored): the group's
 * auto-assign rules get their chance. Answers the row as it is afterwards. (An import assigns a
 * batch at a time: assign-batch.ts.)
 */
export async function afterEnteringPool(tx: Tx, ctx: PoolCtx, row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const groupId = row.pool_group_id as string | null;
  if (!groupId || row.pool_state !== 'pool') return row;
  const group = await tx.selectFrom('pool_groups').selectAll().where('tenant_id', '=', ctx.tenantId).where('id', '=', groupId).executeTakeFirstOrThrow();
  const recordId = row.id as string;
  const choice = await chooseAssignee(tx, ctx.object, ctx.pool.table, ctx.tenantId, groupId, recordId, ctx.timeZone, async (userId) => {
    if (group.max_held == null) return true;
    // The same lock claims take, so an assignment and a claim cannot both fill the last place.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`pool-limit:${ctx.tenantId}:${groupId}:${userId}`}, 0))`.execute(tx);
    return (await heldCount(tx, ctx.pool, group, userId)) < group.max_held;
  });
  if (!choice) return row;
  const given = await giveTo(tx, ctx.pool, ctx.tenantId, recordId, choice.userId, ctx.actorId);
  await writeEvent(tx, {
    tenantId: ctx.tenantId, object: ctx.pool.key, recordId, kind: 'auto_assign', actorId: ctx.actorId,
    toOwnerId: choice.userId, fromGroupId: groupId, toGroupId: groupId, detail: { ruleId: choice.ruleId, ruleName: choice.ruleName },
  });
  await poolNotice(tx, ctx.tenantId, choice.userId, ctx.object, recordId, 'pool.assigned_title', { name: String(row[nameColumn(ctx.object)] ?? '') });
  return given;
}

/** One notice per user for the records an import assigned: the record itself when one, the list when several. */
export async function sendAssignedNotices(db: DbOrTx, tenantId: string, object: EngineObject, assigned: AssignedTally): Promise<void> {
  for (const [userId, { count, first }] of Object.entries(assigned)) {
    if (count === 1) await poolNotice(db, tenantId, userId, object, first[0]!.id, 'pool.assigned_title', { name: first[0]!.name });
    else await poolNotice(db, tenantId, userId, object, null, 'pool.assigned_many_title', { count, names: first.map((r) => r.name).join('、') });
  }
}

export const nameColumn = (object: EngineObject) => object.field(object.nameField)?.column ?? 'name';

import { sql } from 'kysely';
import type { Tx } from '../../db/database';
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

/** The records assigned to each user, for one notice per user after a batch. */
export type AssignedNotices = Map<string, { id: string; name: string }[]>;

/**
 * A record just entered a pool (created, imported, returned, recycled, restored): the group's
 * auto-assign rules get their chance. Answers the row as it is afterwards. A batch (an import)
 * passes `notices` to collect the assignments and tell each user once with sendAssignedNotices:
 * a notice per record would recount the user's unread notices thousands of times.
 */
export async function afterEnteringPool(tx: Tx, ctx: PoolCtx, row: Record<string, unknown>, notices?: AssignedNotices): Promise<Record<string, unknown>> {
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
  const name = String(row[nameColumn(ctx.object)] ?? '');
  if (notices) notices.set(choice.userId, [...(notices.get(choice.userId) ?? []), { id: recordId, name }]);
  else await poolNotice(tx, ctx.tenantId, choice.userId, ctx.object, recordId, 'pool.assigned_title', { name });
  return given;
}

/** One notice per user for the records a batch assigned: the record itself when one, the list when several. */
export async function sendAssignedNotices(tx: Tx, ctx: PoolCtx, notices: AssignedNotices): Promise<void> {
  for (const [userId, records] of notices) {
    const [first] = records;
    if (records.length === 1) await poolNotice(tx, ctx.tenantId, userId, ctx.object, first!.id, 'pool.assigned_title', { name: first!.name });
    else await poolNotice(tx, ctx.tenantId, userId, ctx.object, null, 'pool.assigned_many_title', { count: records.length, names: records.slice(0, 3).map((r) => r.name).join('、') });
  }
}

export const nameColumn = (object: EngineObject) => object.field(object.nameField)?.column ?? 'name';

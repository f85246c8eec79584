import { sql } from 'kysely';
import type { PoolObjectKey, PoolStatus, RecyclePreview, RecycleRuleKind } from '@yixiao/core';
import type { Db, DbOrTx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { R } from '../../records/sql-ref';
import { afterEnteringPool } from './enter-pool';
import { writeEvent } from '../../records/events';
import { release } from './holding';
import { poolNotice } from './notices';
import { poolObject } from './pool-objects';

const DAY_MS = 86_400_000;

/**
 * When each held record falls due under its group's recycle rules. The hold starts when it was
 * claimed (or created, for records made by their owner); 未跟进 counts from the later of that start
 * and the last 动态; 未转换 from the start. Converted records are never recycled; the earliest rule wins.
 */
function dueQuery(object: PoolObjectKey, tenantId: string, extra = sql`true`) {
  const pool = poolObject(object);
  return sql<{ id: string; name: string; owner_id: string; group_id: string; rule: RecycleRuleKind; days: number; due_at: Date; warned: boolean }>`
    SELECT * FROM (
      SELECT ${sql.ref(`${R}.id`)} AS id, ${sql.ref(`${R}.name`)} AS name, ${sql.ref(`${R}.owner_id`)} AS owner_id, g.id AS group_id,
             ${sql.ref(`${R}.recycle_warned_at`)} IS NOT NULL AS warned,
             CASE WHEN idle_due IS NOT NULL AND (unconverted_due IS NULL OR idle_due <= unconverted_due) THEN 'idle' ELSE 'unconverted' END AS rule,
             CASE WHEN idle_due IS NOT NULL AND (unconverted_due IS NULL OR idle_due <= unconverted_due) THEN g.recycle_idle_days ELSE g.recycle_unconverted_days END AS days,
             least(idle_due, unconverted_due) AS due_at
      FROM ${sql.table(pool.table)} AS ${sql.ref(R)}
      JOIN pool_groups g ON g.tenant_id = ${sql.ref(`${R}.tenant_id`)} AND g.id = ${sql.ref(`${R}.pool_group_id`)}
      CROSS JOIN LATERAL (SELECT coalesce(${sql.ref(`${R}.claimed_at`)}, ${sql.ref(`${R}.created_at`)}) AS held_from) s
      CROSS JOIN LATERAL (SELECT
        CASE WHEN g.recycle_idle_days IS NULL THEN NULL
             ELSE greatest(s.held_from, coalesce(${sql.ref(`${R}.last_activity_at`)}, s.held_from)) + make_interval(days => g.recycle_idle_days) END AS idle_due,
        CASE WHEN g.recycle_unconverted_days IS NULL THEN NULL
             ELSE s.held_from + make_interval(days => g.recycle_unconverted_days) END AS unconverted_due) d
      WHERE ${sql.ref(`${R}.tenant_id`)} = ${tenantId}::uuid AND ${sql.ref(`${R}.pool_state`)} = 'held'
        AND ${sql.ref(`${R}.owner_id`)} IS NOT NULL AND NOT (${pool.converted})
        AND (g.recycle_idle_days IS NOT NULL OR g.recycle_unconverted_days IS NOT NULL) AND ${extra}
    ) due`;
}

/** 回收预览: what the rules return to the pool before `until`, and why (a group administrator's dry run). */
export async function recyclePreview(db: DbOrTx, tenantId: string, object: PoolObjectKey, groupId: string, until: Date): Promise<RecyclePreview> {
  const { rows } = await sql<{ id: string; name: string; owner_id: string; owner_name: string; rule: RecycleRuleKind; days: number; due_at: Date }>`
    SELECT due.*, u.name AS owner_name FROM (${dueQuery(object, tenantId, sql`g.id = ${groupId}::uuid`)}) due
    JOIN users u ON u.tenant_id = ${tenantId}::uuid AND u.id = due.owner_id
    WHERE due.due_at < ${until.toISOString()}::timestamptz ORDER BY due.due_at, due.id LIMIT 1000`.execute(db);
  return {
    until: until.toISOString(),
    items: rows.map((r) => ({ id: r.id, name: r.name, ownerId: r.owner_id, ownerName: r.owner_name, rule: r.rule, days: r.days, dueAt: r.due_at.toISOString() })),
  };
}

/** Where one record stands: its group, state, and the rule that would return it first. */
export async function poolStatus(db: DbOrTx, tenantId: string, object: PoolObjectKey, row: Record<string, unknown>, now: Date): Promise<PoolStatus> {
  const group = row.pool_group_id
    ? await db.selectFrom('pool_groups').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', row.pool_group_id as string).executeTakeFirst()
    : undefined;
  const { rows } = await dueQuery(object, tenantId, sql`${sql.ref(`${R}.id`)} = ${row.id as string}::uuid`).execute(db);
  const due = rows[0];
  return {
    groupId: group?.id ?? null, groupName: group?.name ?? null,
    state: row.pool_state as PoolStatus['state'],
    claimedAt: row.claimed_at ? (row.claimed_at as Date).toISOString() : null,
    returnedCount: row.returned_count as number,
    recycle: due ? {
      rule: due.rule, days: due.days, dueAt: due.due_at.toISOString(),
      daysLeft: Math.max(0, Math.ceil((due.due_at.getTime() - now.getTime()) / DAY_MS)),
    } : null,
  };
}

/**
 * The recycle sweep for one company: records past due go back to the pool (and through auto-assign),
 * their holders told; records due within a day get one warning. Each record in its own transaction,
 * so one failure holds up nothing else. `now` is a parameter so tests can move the clock.
 */
export async function sweepTenant(db: Db, tenantId: string, object: PoolObjectKey, now: Date): Promise<{ recycled: number; warned: number }> {
  const meta = await loadObject(db, tenantId, object);
  const pool = poolObject(object);
  const tenant = await db.selectFrom('tenants').select('time_zone').where('id', '=', tenantId).executeTakeFirstOrThrow();
  const soon = new Date(now.getTime() + DAY_MS);
  const { rows } = await sql<{ id: string; due_at: Date; warned: boolean }>`SELECT id, due_at, warned FROM (${dueQuery(object, tenantId)}) due
    WHERE due.due_at < ${soon.toISOString()}::timestamptz ORDER BY due.due_at`.execute(db);
  let recycled = 0;
  let warned = 0;
  for (const candidate of rows) {
    if (candidate.due_at > now && candidate.warned) continue;
    await db.transaction().execute(async (tx) => {
      // Re-read under lock: the holder may have followed it up or converted it since.
      const { rows: fresh } = await sql<{ id: string; name: string; owner_id: string; group_id: string; rule: RecycleRuleKind; days: number; due_at: Date; warned: boolean }>`
        SELECT due.* FROM (${dueQuery(object, tenantId, sql`${sql.ref(`${R}.id`)} = ${candidate.id}::uuid`)}) due`.execute(tx);
      const due = fresh[0];
      if (!due) return;
      await sql`SELECT 1 FROM ${sql.table(pool.table)} WHERE tenant_id = ${tenantId}::uuid AND id = ${due.id}::uuid FOR UPDATE`.execute(tx);
      // An account's goal is a won opportunity, not a conversion (§3.4): its notices say 未成交.
      const ruleKey = object === 'account' && due.rule === 'unconverted' ? 'pool.rule.unwon' : `pool.rule.${due.rule}`;
      const bodyKey = object === 'account' ? 'pool.recycle_warning_body_account' : 'pool.recycle_warning_body';
      if (due.due_at <= now) {
        const after = await release(tx, pool, tenantId, due.id, 'pool', true, null);
        await writeEvent(tx, {
          tenantId, object, recordId: due.id, kind: 'rule_recycle', actorId: null, fromOwnerId: due.owner_id,
          fromGroupId: due.group_id, toGroupId: due.group_id, detail: { rule: due.rule, days: due.days },
        });
        await poolNotice(tx, tenantId, due.owner_id, meta, due.id, 'pool.recycled_title', { name: due.name }, { key: bodyKey, params: { rule: ruleKey, days: due.days } });
        await afterEnteringPool(tx, { tenantId, actorId: null, object: meta, pool, timeZone: tenant.time_zone }, after);
        recycled++;
      } else if (!due.warned) {
        await sql`UPDATE ${sql.table(pool.table)} SET recycle_warned_at = ${now.toISOString()}::timestamptz WHERE tenant_id = ${tenantId}::uuid AND id = ${due.id}::uuid`.execute(tx);
        await writeEvent(tx, {
          tenantId, object, recordId: due.id, kind: 'recycle_warning', actorId: null, fromOwnerId: due.owner_id, toOwnerId: due.owner_id,
          fromGroupId: due.group_id, toGroupId: due.group_id, detail: { rule: due.rule, days: due.days, dueAt: due.due_at.toISOString() },
        });
        const dueText = due.due_at.toLocaleString('zh-CN', { timeZone: tenant.time_zone, hour12: false });
        await poolNotice(tx, tenantId, due.owner_id, meta, due.id, 'pool.recycle_warning_title', { name: due.name, due: dueText }, { key: bodyKey, params: { rule: ruleKey, days: due.days } });
        warned++;
      }
    });
  }
  return { recycled, warned };
}

/** The sweep over every company with recycle rules (the hourly job). */
export async function sweepAll(db: Db, now: Date) {
  const groups = await db.selectFrom('pool_groups').select(['tenant_id', 'object']).distinct()
    .where((eb) => eb.or([eb('recycle_idle_days', 'is not', null), eb('recycle_unconverted_days', 'is not', null)])).execute();
  for (const g of groups) await sweepTenant(db, g.tenant_id, g.object, now);
}


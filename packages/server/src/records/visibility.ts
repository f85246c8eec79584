import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { POOL_OBJECTS } from '@yixiao/core';
import type { DbOrTx } from '../db/database';
import { isAdmin, type AuthContext } from '../platform/auth/context';
import type { EngineObject } from '../metadata/registry';
import { R } from './sql-ref';

/** Who is reading, as the visibility rules need it (DESIGN.md §4). */
export interface Viewer {
  tenantId: string;
  userId: string;
  isAdmin: boolean;
  /** Users below me: in departments I head (and every department under them), or reporting to me up the superior chain. */
  subordinateIds: string[];
  /** Pool groups (公海分组) the viewer belongs to, may open unclaimed records of, and administers. */
  pools: PoolMembership;
}

export interface PoolMembership {
  member: string[];
  /** Groups whose unclaimed records the viewer may open: preview allowed, or the viewer administers it. */
  readable: string[];
  administered: string[];
}

export async function loadViewer(db: DbOrTx, auth: AuthContext): Promise<Viewer> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE headed AS (
      SELECT id FROM departments WHERE tenant_id = ${auth.tenantId} AND head_user_id = ${auth.userId}
      UNION
      SELECT d.id FROM departments d JOIN headed h ON d.parent_id = h.id WHERE d.tenant_id = ${auth.tenantId}
    ), reports AS (
      SELECT id FROM users WHERE tenant_id = ${auth.tenantId} AND superior_id = ${auth.userId}
      UNION
      SELECT u.id FROM users u JOIN reports r ON u.superior_id = r.id WHERE u.tenant_id = ${auth.tenantId}
    )
    SELECT id FROM users WHERE tenant_id = ${auth.tenantId} AND department_id IN (SELECT id FROM headed) AND id <> ${auth.userId}
    UNION
    SELECT id FROM reports WHERE id <> ${auth.userId}`.execute(db);
  return { tenantId: auth.tenantId, userId: auth.userId, isAdmin: isAdmin(auth), subordinateIds: rows.map((r) => r.id), pools: await loadPoolMembership(db, auth) };
}

/** Holders of pool.admin (and administrators) administer every group; others what their membership says. */
async function loadPoolMembership(db: DbOrTx, auth: AuthContext): Promise<PoolMembership> {
  const everything = isAdmin(auth) || auth.permissions.has('pool.admin');
  const { rows } = await sql<{ id: string; preview: boolean; admin: boolean }>`
    SELECT g.id, g.preview_allowed AS preview, coalesce(m.is_admin, false) AS admin
    FROM pool_groups g
    LEFT JOIN pool_group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id AND m.user_id = ${auth.userId}::uuid
    WHERE g.tenant_id = ${auth.tenantId}::uuid AND (${everything} OR g.everyone OR m.user_id IS NOT NULL)`.execute(db);
  return {
    member: rows.map((r) => r.id),
    readable: rows.filter((r) => everything || r.preview || r.admin).map((r) => r.id),
    administered: rows.filter((r) => everything || r.admin).map((r) => r.id),
  };
}

/**
 * Records where the viewer is a team member. Written as `id = ANY(ARRAY(subquery))` rather than a
 * correlated EXISTS: the subquery runs once per statement (an initplan), so the planner can combine
 * it with the owner index instead of probing the team table for every candidate row — 3× faster
 * capped counts at 200,000 leads (bench/list-view.bench.ts).
 */
const teamMember = (object: EngineObject, viewer: Viewer, access?: 'write') => sql<SqlBool>`${sql.ref(`${R}.id`)} = ANY(ARRAY(
  SELECT m.record_id FROM record_team_members m
  WHERE m.tenant_id = ${viewer.tenantId}::uuid AND m.object = ${object.key} AND m.user_id = ${viewer.userId}::uuid
    ${access ? sql`AND m.access = 'write'` : sql``}))`;

/**
 * The one predicate every read composes in: the owner, the heads and superiors above the owner,
 * team members and administrators see an owned record. Library objects (products, partners,
 * competitors) are readable by the whole company.
 */
export function canRead(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool> {
  const branches = readBranches(object, viewer);
  return branches ? sql<SqlBool>`(${sql.join(branches, sql` OR `)})` : sql<SqlBool>`true`;
}

/**
 * canRead as disjoint parts (a record is in exactly one): records of the viewer's owners; else
 * those the viewer is a team member of; else unclaimed records of their readable pool groups.
 * Null when the viewer reads everything. A capped list total counts each part on its own, where
 * each can walk an index on its own key (owner, …) instead of filtering the whole OR row by row.
 */
export function readBranches(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool>[] | null {
  if (viewer.isAdmin || !object.owned) return null;
  const owner = sql.ref(`${R}.owner_id`);
  const owned = sql<SqlBool>`${owner} = ANY(${[viewer.userId, ...viewer.subordinateIds]}::uuid[])`;
  const branches = [owned, sql<SqlBool>`${teamMember(object, viewer)} AND NOT coalesce(${owned}, false)`];
  const unclaimed = unclaimedIn(object, viewer.pools.readable);
  if (unclaimed) branches.push(sql<SqlBool>`${unclaimed} AND NOT ${teamMember(object, viewer)}`);
  return branches;
}

/** Writes: the owner and those above, team members with 读写 rights, administrators; the group's administrators for unclaimed records. */
export function canWrite(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool> {
  if (viewer.isAdmin || !object.owned) return sql<SqlBool>`true`;
  const owners = [viewer.userId, ...viewer.subordinateIds];
  return sql<SqlBool>`(${sql.ref(`${R}.owner_id`)} = ANY(${owners}::uuid[]) OR ${teamMember(object, viewer, 'write')}${orUnclaimedIn(object, viewer.pools.administered)})`;
}

/** Deleting and transferring belong to the owner's line, never to team members; in a pool, to the group's administrators. */
export function canManage(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool> {
  if (viewer.isAdmin || !object.owned) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(`${R}.owner_id`)} = ANY(${[viewer.userId, ...viewer.subordinateIds]}::uuid[])${orUnclaimedIn(object, viewer.pools.administered)})`;
}

/** Records of pool objects nobody holds, in the given groups (DESIGN.md §4: pool records are the group's). */
function unclaimedIn(object: EngineObject, groups: string[]): RawBuilder<SqlBool> | null {
  if (!isPooled(object) || groups.length === 0) return null;
  return sql<SqlBool>`(${sql.ref(`${R}.owner_id`)} IS NULL AND ${sql.ref(`${R}.pool_group_id`)} = ANY(${groups}::uuid[]))`;
}

function orUnclaimedIn(object: EngineObject, groups: string[]) {
  const unclaimed = unclaimedIn(object, groups);
  return unclaimed ? sql` OR ${unclaimed}` : sql``;
}

export const isPooled = (object: { key: string }) => (POOL_OBJECTS as readonly string[]).includes(object.key);

/** 我参与的: records where I am a team member. */
export const isTeamMember = (object: EngineObject, viewer: Viewer) => teamMember(object, viewer);

import { sql, type RawBuilder, type SqlBool } from 'kysely';
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
  return { tenantId: auth.tenantId, userId: auth.userId, isAdmin: isAdmin(auth), subordinateIds: rows.map((r) => r.id) };
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
  if (viewer.isAdmin || !object.owned) return sql<SqlBool>`true`;
  const owners = [viewer.userId, ...viewer.subordinateIds];
  return sql<SqlBool>`(${sql.ref(`${R}.owner_id`)} = ANY(${owners}::uuid[]) OR ${teamMember(object, viewer)})`;
}

/** Writes: the owner and those above, team members with 读写 rights, administrators. */
export function canWrite(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool> {
  if (viewer.isAdmin || !object.owned) return sql<SqlBool>`true`;
  const owners = [viewer.userId, ...viewer.subordinateIds];
  return sql<SqlBool>`(${sql.ref(`${R}.owner_id`)} = ANY(${owners}::uuid[]) OR ${teamMember(object, viewer, 'write')})`;
}

/** Deleting and transferring belong to the owner's line, never to team members. */
export function canManage(object: EngineObject, viewer: Viewer): RawBuilder<SqlBool> {
  if (viewer.isAdmin || !object.owned) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(`${R}.owner_id`)} = ANY(${[viewer.userId, ...viewer.subordinateIds]}::uuid[])`;
}

/** 我参与的: records where I am a team member. */
export const isTeamMember = (object: EngineObject, viewer: Viewer) => teamMember(object, viewer);

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/database';
import type { FieldChange } from '../../db/schema';
import type { RecordScope } from '../../records/scope';
import { ATTACHED_OBJECTS } from './related-counts';
import { pointsAt, repoint, type AccountRelation } from './related';

const AUDIT_CHUNK = 500;

/**
 * Moves everything that hangs on the other accounts to the master (§3.5.10): records pointing at
 * them (contacts, opportunities, contracts, orders, converted leads …), tasks and 动态, documents and
 * team members. Each moved record gets a new version and an operation-log entry; documents and team
 * members are kept once (a member keeps the stronger of their rights; the master's owner needs no seat).
 */
export async function moveRelated(tx: Tx, scope: RecordScope, relations: AccountRelation[], masterId: string, otherIds: string[], masterOwner: string | null) {
  for (const { object, fields } of relations) {
    const olds = sql.join(fields.map((f) => sql`${f.column ? sql`${sql.ref(f.column)}::text` : sql`custom ->> ${sql.lit(f.key)}`} AS ${sql.ref(f.key)}`));
    await moveRows(tx, scope, { table: object.table, objectKey: object.key, olds, where: pointsAt(fields, otherIds), sets: repoint(fields, otherIds, masterId) },
      (row) => fields.filter((f) => otherIds.includes(row[f.key] as string)).map((f) => ({ field: f.key, old: row[f.key], new: masterId })));
  }
  for (const { kind, table } of ATTACHED_OBJECTS) {
    await moveRows(tx, scope, {
      table, objectKey: kind, olds: sql`related_id AS "relatedId"`,
      where: sql<SqlBool>`related_object = 'account' AND related_id = ANY(${otherIds}::text[])`, sets: [sql`related_id = ${masterId}`],
    }, (row) => [{ field: 'relatedId', old: row.relatedId, new: masterId }]);
  }
  const { tenantId } = scope.auth;
  await sql`INSERT INTO record_files (tenant_id, object, record_id, file_id, added_by, added_at)
    SELECT DISTINCT ON (file_id) tenant_id, object, ${masterId}::uuid, file_id, added_by, added_at FROM record_files
    WHERE tenant_id = ${tenantId}::uuid AND object = 'account' AND record_id = ANY(${otherIds}::uuid[])
    ORDER BY file_id, added_at
    ON CONFLICT DO NOTHING`.execute(tx);
  await sql`INSERT INTO record_team_members (tenant_id, object, record_id, user_id, access, added_by, added_at)
    SELECT DISTINCT ON (user_id) tenant_id, object, ${masterId}::uuid, user_id, access, added_by, added_at FROM record_team_members
    WHERE tenant_id = ${tenantId}::uuid AND object = 'account' AND record_id = ANY(${otherIds}::uuid[]) AND user_id IS DISTINCT FROM ${masterOwner}::uuid
    ORDER BY user_id, access = 'write' DESC, added_at
    ON CONFLICT (tenant_id, object, record_id, user_id) DO UPDATE SET access = 'write' WHERE excluded.access = 'write'`.execute(tx);
  // The others' own rows go with them (deleteRecord), now that the master holds a copy.
}

interface Move {
  table: string;
  objectKey: string;
  /** The values before the move, as the change list reads them. */
  olds: RawBuilder<unknown>;
  where: RawBuilder<SqlBool>;
  sets: RawBuilder<unknown>[];
}

async function moveRows(tx: Tx, scope: RecordScope, move: Move, changesOf: (row: Record<string, unknown>) => FieldChange[]) {
  const { tenantId, userId } = scope.auth;
  // Locked in id order, like every multi-row lock of this folder.
  const { rows } = await sql<Record<string, unknown> & { id: string }>`SELECT id, ${move.olds} FROM ${sql.table(move.table)}
    WHERE tenant_id = ${tenantId}::uuid AND ${move.where} ORDER BY id FOR UPDATE`.execute(tx);
  if (rows.length === 0) return;
  await sql`UPDATE ${sql.table(move.table)} SET ${sql.join([...move.sets, sql`version = version + 1`, sql`updated_by = ${userId}::uuid`, sql`updated_at = now()`])}
    WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${rows.map((r) => r.id)}::uuid[])`.execute(tx);
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
    await tx.insertInto('audit_log').values(rows.slice(i, i + AUDIT_CHUNK).map((row) => ({
      tenant_id: tenantId, actor_id: userId, object_type: move.objectKey, record_id: row.id, action: 'merge',
      changes: JSON.stringify(changesOf(row)), request_id: scope.requestId ?? null,
    }))).execute();
  }
}

import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { versionConflict } from '../platform/http/errors';
import { hooksOf } from './hooks';
import { findRow } from './read';
import { translateDbError } from './references';
import type { RecordScope } from './scope';
import { rowToRecord } from './values';
import { auditRecord } from './write-helpers';

/** Deletes one record the user manages (owner line or admin); its team, files and old values stay in the log. */
export async function deleteRecord(tx: Tx, scope: RecordScope, id: string, version?: number) {
  const row = await findRow(tx, scope, id, 'manage', true);
  if (version !== undefined && row.version !== version) throw versionConflict();
  const before = rowToRecord(scope.object, row);
  await sql`DELETE FROM ${sql.table(scope.object.table)} WHERE tenant_id = ${scope.auth.tenantId}::uuid AND id = ${id}::uuid`
    .execute(tx).catch((e) => translateDbError(e, scope));
  await tx.deleteFrom('record_team_members').where('tenant_id', '=', scope.auth.tenantId).where('object', '=', scope.object.key).where('record_id', '=', id).execute();
  await tx.deleteFrom('record_files').where('tenant_id', '=', scope.auth.tenantId).where('object', '=', scope.object.key).where('record_id', '=', id).execute();
  for (const h of hooksOf(scope.object.key)) await h.afterDelete?.(tx, scope, row);
  await auditRecord(tx, scope, id, 'delete', Object.entries(before).filter(([k, v]) => v !== null && k !== 'id' && k !== 'version').map(([field, old]) => ({ field, old, new: null })));
}

import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { auditRecord } from '../../records/write-helpers';
import { findRow } from '../../records/read';
import { openScope, type RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { canWrite } from '../../records/visibility';

export interface OpportunityAccess {
  scope: RecordScope;
  row: Record<string, unknown>;
}

/**
 * The opportunity a related-list action works on, through the visibility predicate: reading needs
 * read access; changing its lines, contacts, partners or competitors needs write access (403 for
 * those who may only read, 404 for everyone else) and locks the row, so changes to one opportunity
 * run one after the other and its amount follows its lines.
 */
export async function openOpportunity(db: DbOrTx, auth: AuthContext, id: string, access: 'read' | 'write', requestId?: string): Promise<OpportunityAccess> {
  const scope = await openScope(db, auth, 'opportunity', requestId);
  const row = await findRow(db, scope, id, access, access === 'write');
  return { scope, row };
}

/** Whether the caller may change the opportunity (the screens hide the add and remove buttons otherwise). */
export async function mayWrite(db: DbOrTx, { scope, row }: OpportunityAccess): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM opportunities AS ${sql.ref(R)}
    WHERE ${sql.ref(`${R}.tenant_id`)} = ${scope.auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ${row.id as string}::uuid
      AND ${canWrite(scope.object, scope.viewer)}`.execute(db);
  return rows.length > 0;
}

export interface LoggedChange {
  field: 'products' | 'contacts' | 'partners' | 'competitors';
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

/**
 * Writes the opportunity's operation log. A change's value carries its data and, as `subject` and
 * `excerpt`, the words the log shows ("服务器 · 33.33 × 3 × 95% = 94.99").
 */
export async function logChanges(db: DbOrTx, { scope, row }: OpportunityAccess, action: string, changes: LoggedChange[]): Promise<void> {
  if (changes.length) await auditRecord(db, scope, row.id as string, action, changes);
}

/** One user action on an opportunity's related lists: one transaction, the opportunity locked for writing. */
export function changeOpportunity<T>(db: Db, auth: AuthContext, id: string, requestId: string, change: (tx: Tx, access: OpportunityAccess) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => change(tx, await openOpportunity(tx, auth, id, 'write', requestId)));
}

import type { DbOrTx } from '../../db/database';
import { isAdmin, type AuthContext } from '../../platform/auth/context';
import { notFound } from '../../platform/http/errors';
import { assertUuid } from '../../records/values';
import type { JobRow } from './job-view';

/** Who may see an import: the user who started it and administrators. Anyone else gets 404. */
export async function loadVisibleJob(db: DbOrTx, auth: AuthContext, id: string, lock = false): Promise<JobRow> {
  assertUuid(id);
  let query = db.selectFrom('import_jobs').selectAll().where('tenant_id', '=', auth.tenantId).where('id', '=', id);
  if (!isAdmin(auth)) query = query.where('started_by', '=', auth.userId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

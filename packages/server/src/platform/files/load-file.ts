import type { DbOrTx } from '../../db/database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored file of the caller's tenant, with its bytes; null when missing or of another tenant. */
export async function loadFile(db: DbOrTx, tenantId: string, fileId: string) {
  if (!UUID.test(fileId)) return null;
  const row = await db
    .selectFrom('files')
    .select(['id', 'file_name', 'mime_type', 'size', 'sha256', 'data', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row ?? null;
}

/** Removes a file that is no longer referenced (a replaced avatar). */
export async function deleteFile(db: DbOrTx, tenantId: string, fileId: string): Promise<void> {
  await db.deleteFrom('files').where('tenant_id', '=', tenantId).where('id', '=', fileId).execute();
}

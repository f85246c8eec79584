import { z } from 'zod';
import type { DbOrTx } from '../db/database';
import { deleteFile } from '../platform/files/load-file';
import { IMAGE_TYPES } from '../platform/files/purposes';
import { storeFile } from '../platform/files/store-file';
import type { Upload } from '../platform/files/read-upload';
import { AppError } from '../platform/http/errors';
import './tab-messages';

/**
 * Files attached to records (文档 tab, attachments of 动态 and tasks): rows of record_files
 * pointing at stored files. A file is attached to one record only, so removing the link removes
 * the file too.
 */
export const recordFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  isImage: z.boolean(),
  url: z.string(),
  addedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  addedAt: z.string(),
});
export type RecordFile = z.infer<typeof recordFileSchema>;

export interface RecordRef {
  tenantId: string;
  object: string;
  recordId: string;
}

const isImage = (mime: string) => (IMAGE_TYPES as readonly string[]).includes(mime);

function baseQuery(db: DbOrTx, tenantId: string, object: string) {
  return db.selectFrom('record_files as rf')
    .innerJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'rf.tenant_id').onRef('f.id', '=', 'rf.file_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'rf.tenant_id').onRef('u.id', '=', 'rf.added_by'))
    .select(['rf.record_id', 'f.id', 'f.file_name', 'f.mime_type', 'f.size', 'rf.added_by', 'u.name as added_by_name', 'rf.added_at'])
    .where('rf.tenant_id', '=', tenantId)
    .where('rf.object', '=', object);
}

type FileRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toDto = (r: FileRow): RecordFile => ({
  id: r.id, fileName: r.file_name, mimeType: r.mime_type, size: r.size, isImage: isImage(r.mime_type),
  url: `/api/v1/files/${r.id}`, addedBy: r.added_by ? { id: r.added_by, name: r.added_by_name ?? '' } : null,
  addedAt: r.added_at.toISOString(),
});

/** The files of one record, newest first. Callers check that the user may read the record. */
export async function listRecordFiles(db: DbOrTx, ref: RecordRef): Promise<RecordFile[]> {
  const rows = await baseQuery(db, ref.tenantId, ref.object).where('rf.record_id', '=', ref.recordId)
    .orderBy('rf.added_at', 'desc').orderBy('f.id').execute();
  return rows.map(toDto);
}

/** The files of many records of one object (a page of a feed), grouped by record id, oldest first. */
export async function filesOfRecords(db: DbOrTx, tenantId: string, object: string, recordIds: string[]): Promise<Map<string, RecordFile[]>> {
  const byRecord = new Map<string, RecordFile[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await baseQuery(db, tenantId, object).where('rf.record_id', 'in', recordIds).orderBy('rf.added_at').orderBy('f.id').execute();
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push(toDto(row));
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}

/** Stores an upload as an attachment (type judged from the bytes) and links it to the record. */
export async function uploadRecordFile(tx: DbOrTx, ref: RecordRef, userId: string, upload: Upload): Promise<RecordFile> {
  const stored = await storeFile(tx, { tenantId: ref.tenantId, uploadedBy: userId, purpose: 'attachment', fileName: upload.fileName, data: upload.data });
  await linkFiles(tx, ref, userId, [stored.id]);
  return (await listRecordFiles(tx, ref)).find((f) => f.id === stored.id)!;
}

/** Stores an upload that a later request attaches (the pictures and documents of a 动态 being written). */
export async function storePendingAttachment(tx: DbOrTx, tenantId: string, userId: string, upload: Upload) {
  const stored = await storeFile(tx, { tenantId, uploadedBy: userId, purpose: 'attachment', fileName: upload.fileName, data: upload.data });
  return { id: stored.id, fileName: stored.fileName, mimeType: stored.mimeType, size: stored.size, isImage: isImage(stored.mimeType), url: `/api/v1/files/${stored.id}` };
}

/**
 * Links files a user uploaded earlier to a record. Only the uploader's own attachment uploads that
 * no record holds yet are accepted: an id seen elsewhere cannot pull someone else's file in.
 */
export async function claimPendingFiles(tx: DbOrTx, ref: RecordRef, userId: string, fileIds: readonly string[]): Promise<void> {
  const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return;
  const usable = await tx.selectFrom('files as f').select('f.id')
    .where('f.tenant_id', '=', ref.tenantId).where('f.id', 'in', ids)
    .where('f.uploaded_by', '=', userId).where('f.purpose', '=', 'attachment')
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('record_files as rf').select('rf.file_id').whereRef('rf.tenant_id', '=', 'f.tenant_id').whereRef('rf.file_id', '=', 'f.id'),
    )))
    .execute();
  if (usable.length !== ids.length) throw new AppError(400, 'bad_attachment', 'records.bad_attachment');
  await linkFiles(tx, ref, userId, ids);
}

async function linkFiles(tx: DbOrTx, ref: RecordRef, userId: string, fileIds: string[]) {
  await tx.insertInto('record_files')
    .values(fileIds.map((fileId) => ({ tenant_id: ref.tenantId, object: ref.object, record_id: ref.recordId, file_id: fileId, added_by: userId })))
    .execute();
}

/** The link of one file to a record, or null. */
export async function findRecordFile(db: DbOrTx, ref: RecordRef, fileId: string) {
  return (await db.selectFrom('record_files').select(['file_id', 'added_by'])
    .where('tenant_id', '=', ref.tenantId).where('object', '=', ref.object).where('record_id', '=', ref.recordId)
    .where('file_id', '=', fileId).executeTakeFirst()) ?? null;
}

/** Unlinks a file from its record and deletes it; answers its name for the operation log. */
export async function removeRecordFile(tx: DbOrTx, ref: RecordRef, fileId: string): Promise<string | null> {
  const file = await tx.selectFrom('files').select('file_name').where('tenant_id', '=', ref.tenantId).where('id', '=', fileId).executeTakeFirst();
  await tx.deleteFrom('record_files').where('tenant_id', '=', ref.tenantId).where('object', '=', ref.object)
    .where('record_id', '=', ref.recordId).where('file_id', '=', fileId).execute();
  await deleteFile(tx, ref.tenantId, fileId);
  return file?.file_name ?? null;
}

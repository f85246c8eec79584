import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../../db/database';
import { AppError } from '../http/errors';
import { sanitizeFileName } from './file-name';
import { FILE_PURPOSES, formatBytes, type FilePurpose } from './purposes';
import './messages';

export interface NewFile {
  tenantId: string;
  uploadedBy: string;
  purpose: FilePurpose;
  /** The name the client gave; only used, cleaned, for display and downloads. */
  fileName: string;
  data: Buffer;
}

export interface StoredFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export const fileTooLarge = (maxBytes: number) => new AppError(413, 'too_large', 'files.too_large', { max: formatBytes(maxBytes) });

/**
 * Stores an upload after checking it against its purpose: the type comes from the bytes, not the
 * name or the browser's Content-Type, so a script renamed to .png is refused. Call inside the
 * transaction that links the file to its owner (an avatar, a record), so a refused or failed
 * request stores nothing.
 */
export async function storeFile(db: DbOrTx, input: NewFile): Promise<StoredFile> {
  const policy = FILE_PURPOSES[input.purpose];
  if (input.data.length === 0) throw new AppError(400, 'file_empty', 'files.empty');
  if (input.data.length > policy.maxBytes) throw fileTooLarge(policy.maxBytes);

  const type = await sniffType(input.data, policy.allowPlainText);
  if (!type || !(policy.mimeTypes as readonly string[]).concat(policy.allowPlainText ? ['text/plain'] : []).includes(type.mime)) {
    throw new AppError(400, 'file_type_not_allowed', 'files.type_not_allowed', { allowed: policy.label });
  }

  const row = {
    fileName: sanitizeFileName(input.fileName, type.ext),
    mimeType: type.mime,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
  };
  const { id } = await db
    .insertInto('files')
    .values({
      tenant_id: input.tenantId,
      uploaded_by: input.uploadedBy,
      purpose: input.purpose,
      file_name: row.fileName,
      mime_type: row.mimeType,
      size: row.size,
      sha256: row.sha256,
      data: input.data,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, ...row };
}

async function sniffType(data: Buffer, allowPlainText: boolean): Promise<{ mime: string; ext: string } | null> {
  const found = await fileTypeFromBuffer(data);
  if (found) return { mime: found.mime, ext: found.ext };
  return allowPlainText && looksLikeText(data) ? { mime: 'text/plain', ext: 'txt' } : null;
}

/** Text files carry no signature: accept bytes without control characters other than tab and line breaks. */
function looksLikeText(data: Buffer): boolean {
  const sample = data.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  }
  return true;
}

import type { Tx } from '../../db/database';
import { deleteFile } from '../files/load-file';
import { storeFile } from '../files/store-file';
import type { Upload } from '../files/read-upload';
import { updateMyUser, type Actor } from './my-user';

/** §2.2 上传个人头像: stores the image (type checked from its bytes) and drops the one it replaces. */
export async function replaceAvatar(tx: Tx, actor: Actor, upload: Upload): Promise<string> {
  const file = await storeFile(tx, {
    tenantId: actor.tenantId, uploadedBy: actor.userId, purpose: 'avatar', fileName: upload.fileName, data: upload.data,
  });
  const before = await updateMyUser(tx, actor, { avatar_file_id: file.id }, 'update_avatar');
  if (before.avatar_file_id) await deleteFile(tx, actor.tenantId, before.avatar_file_id);
  return `/api/v1/files/${file.id}`;
}

export async function removeAvatar(tx: Tx, actor: Actor): Promise<void> {
  const before = await updateMyUser(tx, actor, { avatar_file_id: null }, 'remove_avatar');
  if (before.avatar_file_id) await deleteFile(tx, actor.tenantId, before.avatar_file_id);
}

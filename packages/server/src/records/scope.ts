import type { DbOrTx } from '../db/database';
import type { AuthContext } from '../platform/auth/context';
import { remember } from '../platform/config/config-cache';
import { loadObject, type EngineObject } from '../metadata/registry';
import { loadViewer, type Viewer } from './visibility';

/** Everything a record operation needs to know about who acts on which object. */
export interface RecordScope {
  auth: AuthContext;
  viewer: Viewer;
  object: EngineObject;
  timeZone: string;
  requestId?: string;
}

export async function openScope(db: DbOrTx, auth: AuthContext, objectKey: string, requestId?: string): Promise<RecordScope> {
  const version = auth.configVersion;
  const [object, viewer, timeZone] = await Promise.all([
    remember(db, version, `object:${objectKey}`, () => loadObject(db, auth.tenantId, objectKey)),
    remember(db, version, `viewer:${auth.userId}`, () => loadViewer(db, auth)),
    remember(db, version, 'timeZone', async () => (await db.selectFrom('tenants').select('time_zone').where('id', '=', auth.tenantId).executeTakeFirstOrThrow()).time_zone),
  ]);
  return { auth, viewer, object, timeZone, requestId };
}

export const filterContext = (scope: RecordScope) => ({
  userId: scope.auth.userId,
  subordinateIds: scope.viewer.subordinateIds,
  timeZone: scope.timeZone,
});

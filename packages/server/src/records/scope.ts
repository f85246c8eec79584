import type { DbOrTx } from '../db/database';
import type { AuthContext } from '../platform/auth/context';
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
  const [object, viewer, tenant] = await Promise.all([
    loadObject(db, auth.tenantId, objectKey),
    loadViewer(db, auth),
    db.selectFrom('tenants').select('time_zone').where('id', '=', auth.tenantId).executeTakeFirstOrThrow(),
  ]);
  return { auth, viewer, object, timeZone: tenant.time_zone, requestId };
}

export const filterContext = (scope: RecordScope) => ({
  userId: scope.auth.userId,
  subordinateIds: scope.viewer.subordinateIds,
  timeZone: scope.timeZone,
});

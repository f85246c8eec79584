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
  const [object, viewer, timeZone] = await Promise.all([
    objectOf(db, auth, objectKey),
    viewerOf(db, auth),
    timeZoneOf(db, auth),
  ]);
  return { auth, viewer, object, timeZone, requestId };
}

/** An object's metadata as the caller's company configured it, from memory while that configuration is unchanged. */
export const objectOf = (db: DbOrTx, auth: AuthContext, objectKey: string) =>
  remember(db, auth.configVersion, `object:${objectKey}`, () => loadObject(db, auth.tenantId, objectKey));

/** Whom the caller sees (visibility.ts), from memory while the company's configuration is unchanged. */
export const viewerOf = (db: DbOrTx, auth: AuthContext) => remember(db, auth.configVersion, `viewer:${auth.userId}`, () => loadViewer(db, auth));

/** The company's time zone (dates in filters and reports are its days), kept like the rest. */
export const timeZoneOf = (db: DbOrTx, auth: AuthContext) => remember(db, auth.configVersion, 'timeZone',
  async () => (await db.selectFrom('tenants').select('time_zone').where('id', '=', auth.tenantId).executeTakeFirstOrThrow()).time_zone);

export const filterContext = (scope: RecordScope) => ({
  userId: scope.auth.userId,
  subordinateIds: scope.viewer.subordinateIds,
  timeZone: scope.timeZone,
});

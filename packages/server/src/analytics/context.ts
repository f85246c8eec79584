import type { DbOrTx } from '../db/database';
import type { AuthContext } from '../platform/auth/context';
import type { EngineObject } from '../metadata/registry';
import { objectOf, timeZoneOf, viewerOf } from '../records/scope';
import type { Viewer } from '../records/visibility';

/** The objects analytics count. */
export type CountedObject = 'campaign' | 'lead' | 'opportunity' | 'account';

/** Who asks and what they may read: every metric composes `canRead` of these objects into its SQL. */
export interface AnalyticsContext {
  tenantId: string;
  viewer: Viewer;
  timeZone: string;
  objects: Record<CountedObject, EngineObject>;
}

export async function loadAnalyticsContext(db: DbOrTx, auth: AuthContext): Promise<AnalyticsContext> {
  const [viewer, campaign, lead, opportunity, account, timeZone] = await Promise.all([
    viewerOf(db, auth),
    objectOf(db, auth, 'campaign'),
    objectOf(db, auth, 'lead'),
    objectOf(db, auth, 'opportunity'),
    objectOf(db, auth, 'account'),
    timeZoneOf(db, auth),
  ]);
  return { tenantId: auth.tenantId, viewer, timeZone, objects: { campaign, lead, opportunity, account } };
}

import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { AuthContext } from '../platform/auth/context';
import { loadObject, type EngineObject } from '../metadata/registry';
import { loadViewer, type Viewer } from '../records/visibility';

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
  const [viewer, campaign, lead, opportunity, account, tenant] = await Promise.all([
    loadViewer(db, auth),
    loadObject(db, auth.tenantId, 'campaign'),
    loadObject(db, auth.tenantId, 'lead'),
    loadObject(db, auth.tenantId, 'opportunity'),
    loadObject(db, auth.tenantId, 'account'),
    sql<{ time_zone: string }>`SELECT time_zone FROM tenants WHERE id = ${auth.tenantId}::uuid`.execute(db),
  ]);
  return { tenantId: auth.tenantId, viewer, timeZone: tenant.rows[0]!.time_zone, objects: { campaign, lead, opportunity, account } };
}

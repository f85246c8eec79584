import type { Tx } from '../../../db/database';
import { invalid } from '../../http/errors';

/** Loads the roles about to be granted, refusing ids that are not roles of this company. */
export async function loadRolesForGrant(tx: Tx, tenantId: string, roleIds: readonly string[]) {
  const unique = [...new Set(roleIds)];
  const roles = await tx.selectFrom('roles').select(['id', 'key', 'name_zh', 'permissions'])
    .where('tenant_id', '=', tenantId).where('id', 'in', unique).execute();
  if (roles.length !== unique.length) throw invalid('org.role_not_found');
  return roles;
}

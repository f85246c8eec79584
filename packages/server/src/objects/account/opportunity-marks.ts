import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { loadObject } from '../../metadata/registry';
import { R } from '../../records/sql-ref';
import { openScope } from '../../records/scope';
import { canRead } from '../../records/visibility';

/**
 * §3.5.5: 客户名称前面有图标代表此客户已经建立销售机会. For the accounts of a list page, how many
 * opportunities each has among those the caller may open (the icon opens them); accounts the caller
 * cannot see get no mark.
 */
export async function opportunityMarks(db: Db, auth: AuthContext, accountIds: string[]) {
  const [accounts, opportunity] = await Promise.all([openScope(db, auth, 'account'), loadObject(db, auth.tenantId, 'opportunity')]);
  const { rows } = await sql<{ id: string; n: string }>`
    SELECT a.id, count(*) AS n
    FROM (SELECT ${sql.ref(`${R}.id`)} AS id FROM accounts AS ${sql.ref(R)}
          WHERE ${sql.ref(`${R}.tenant_id`)} = ${auth.tenantId}::uuid AND ${sql.ref(`${R}.id`)} = ANY(${accountIds}::uuid[])
            AND ${canRead(accounts.object, accounts.viewer)}) AS a
    JOIN opportunities AS ${sql.ref(R)} ON ${sql.ref(`${R}.tenant_id`)} = ${auth.tenantId}::uuid AND ${sql.ref(`${R}.account_id`)} = a.id
    WHERE ${canRead(opportunity, accounts.viewer)}
    GROUP BY a.id`.execute(db);
  return rows.map((r) => ({ id: r.id, count: Number(r.n) }));
}

import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { pointsAt, type AccountRelation } from './related';

/** Records that hang on an account by related_object/related_id rather than a lookup field. */
export const ATTACHED_OBJECTS = [{ kind: 'task', table: 'tasks' }, { kind: 'activity', table: 'activities' }] as const;

/**
 * How many records of each kind hang on the given accounts together: records pointing at them
 * (by object key), tasks, 动态, documents and team members. Documents and team members count once
 * however many of the accounts hold them, as a merge keeps them once; `owner`, who needs no team
 * seat on the merged account, is not counted as a member.
 */
export async function countRelated(db: DbOrTx, tenantId: string, relations: AccountRelation[], accountIds: string[], owner: string | null = null) {
  const counts: Record<string, number> = {};
  const count = async (query: RawBuilder<{ n: string }>) => Number((await query.execute(db)).rows[0]!.n);
  for (const { object, fields } of relations) {
    counts[object.key] = await count(sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(object.table)}
      WHERE tenant_id = ${tenantId}::uuid AND ${pointsAt(fields, accountIds)}`);
  }
  for (const { kind, table } of ATTACHED_OBJECTS) {
    counts[kind] = await count(sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}
      WHERE tenant_id = ${tenantId}::uuid AND related_object = 'account' AND related_id = ANY(${accountIds}::text[])`);
  }
  counts.file = await count(sql<{ n: string }>`SELECT count(DISTINCT file_id) AS n FROM record_files
    WHERE tenant_id = ${tenantId}::uuid AND object = 'account' AND record_id = ANY(${accountIds}::uuid[])`);
  counts.team = await count(sql<{ n: string }>`SELECT count(DISTINCT user_id) AS n FROM record_team_members
    WHERE tenant_id = ${tenantId}::uuid AND object = 'account' AND record_id = ANY(${accountIds}::uuid[])
      AND user_id IS DISTINCT FROM ${owner}::uuid`);
  return counts;
}

import { sql } from 'kysely';

/**
 * SQL for the ids of a department and every department below it. UNION (not UNION ALL) stops at
 * rows already seen, so even a corrupted tree cannot make the query loop.
 */
export function departmentSubtreeIds(tenantId: string, departmentId: string) {
  return sql<string>`(WITH RECURSIVE subtree(id) AS (
      SELECT id FROM departments WHERE tenant_id = ${tenantId} AND id = ${departmentId}
      UNION
      SELECT d.id FROM departments d JOIN subtree s ON d.parent_id = s.id WHERE d.tenant_id = ${tenantId}
    ) SELECT id FROM subtree)`;
}

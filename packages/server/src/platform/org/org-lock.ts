import { sql } from 'kysely';
import type { Tx } from '../../db/database';

/**
 * Serialises the structural changes of one company's organisation (department moves, superiors,
 * administrator count) until the transaction ends. Checks like "no cycle" or "one admin remains" read
 * several rows; without the lock two concurrent changes could each pass and together break the rule.
 */
export async function lockOrganisation(tx: Tx, tenantId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'yixiao.org:' + tenantId}, 0))`.execute(tx);
}

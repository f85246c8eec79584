import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { RealtimeConnection, RealtimeHub } from './hub';

/** Close code for a socket whose session ended (sign-out, disabled user, expiry). */
export const CLOSE_SIGNED_OUT = 4401;

/**
 * Runs every interval over the process's sockets: terminates those that did not answer the last ping
 * (dead peers behind proxies), pings the rest, and closes those whose user was disabled or whose
 * session ended, so a revoked session stops receiving messages within one interval.
 */
export async function sweepConnections(db: Db, hub: RealtimeHub): Promise<void> {
  const connections = hub.connections();
  for (const connection of connections) {
    if (!connection.alive) {
      connection.socket.terminate();
      continue;
    }
    connection.alive = false;
    connection.socket.ping();
  }
  if (connections.length === 0) return;
  const signedOut = await findSignedOut(db, connections);
  for (const connection of signedOut) connection.socket.close(CLOSE_SIGNED_OUT, 'signed out');
}

async function findSignedOut(db: Db, connections: RealtimeConnection[]): Promise<RealtimeConnection[]> {
  const tenants = connections.map((c) => c.tenantId);
  const users = connections.map((c) => c.userId);
  const sessions = connections.map((c) => c.sessionId ?? '');
  // One row back per connection still signed in: an active user and, for browser sockets, a live session.
  const rows = await sql<{ i: number }>`
    SELECT c.i FROM unnest(${tenants}::uuid[], ${users}::uuid[], ${sessions}::text[]) WITH ORDINALITY AS c(tenant_id, user_id, session_id, i)
    JOIN users u ON u.tenant_id = c.tenant_id AND u.id = c.user_id AND u.status = 'active'
    WHERE c.session_id = '' OR EXISTS (
      SELECT 1 FROM sessions s WHERE s.tenant_id = c.tenant_id AND s.id = c.session_id AND s.user_id = c.user_id AND s.expires_at > now())
  `.execute(db);
  const live = new Set(rows.rows.map((r) => Number(r.i) - 1));
  return connections.filter((_, index) => !live.has(index));
}

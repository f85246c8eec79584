import type { RealtimeMessage } from '@yixiao/core';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';

/** The PostgreSQL channel every server process LISTENs on for messages to its WebSocket clients. */
export const REALTIME_CHANNEL = 'yixiao_realtime';

/** What travels through NOTIFY: the message and whom it is for. */
export interface RealtimeEnvelope {
  tenantId: string;
  userId: string;
  message: RealtimeMessage;
}

export interface RealtimeDelivery {
  tenantId: string;
  userId: string;
  message: RealtimeMessage;
}

// NOTIFY payloads are limited to 8000 bytes; long texts are cut (the client reads the full row by id).
const MAX_TITLE = 200;
const MAX_BODY = 280;
const MAX_LINK = 500;

function compact(message: RealtimeMessage): RealtimeMessage {
  if (message.type !== 'notification') return message;
  const n = message.notification;
  return {
    type: 'notification',
    notification: { ...n, title: n.title.slice(0, MAX_TITLE), body: n.body.slice(0, MAX_BODY), link: n.link && n.link.length <= MAX_LINK ? n.link : null },
  };
}

/**
 * Sends messages to users' open WebSockets on every server process. Runs pg_notify in the caller's
 * transaction, so they go out when it commits and never when it rolls back.
 */
export async function publishToUsers(db: DbOrTx, deliveries: readonly RealtimeDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const payloads = deliveries.map((d) => JSON.stringify({ tenantId: d.tenantId, userId: d.userId, message: compact(d.message) } satisfies RealtimeEnvelope));
  await sql`SELECT pg_notify(${REALTIME_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`.execute(db);
}

export function publishToUser(db: DbOrTx, tenantId: string, userId: string, message: RealtimeMessage): Promise<void> {
  return publishToUsers(db, [{ tenantId, userId, message }]);
}

export function parseEnvelope(payload: string | undefined): RealtimeEnvelope | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as Partial<RealtimeEnvelope>;
    if (typeof value.tenantId !== 'string' || typeof value.userId !== 'string' || typeof value.message?.type !== 'string') return null;
    return value as RealtimeEnvelope;
  } catch {
    return null;
  }
}

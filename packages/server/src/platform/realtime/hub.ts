import type { RealtimeMessage } from '@yixiao/core';
import type { WebSocket } from 'ws';
import type { RealtimeEnvelope } from './publish';

/** One open WebSocket of a signed-in user on this process. */
export interface RealtimeConnection {
  socket: WebSocket;
  tenantId: string;
  userId: string;
  /** Browser session behind the socket (null for bearer tokens and API keys). */
  sessionId: string | null;
  alive: boolean;
}

const userKey = (tenantId: string, userId: string) => `${tenantId}:${userId}`;

/** This process's open sockets by user: where messages from LISTEN fan out to. */
export class RealtimeHub {
  private readonly byUser = new Map<string, Set<RealtimeConnection>>();

  add(connection: RealtimeConnection): void {
    const key = userKey(connection.tenantId, connection.userId);
    let set = this.byUser.get(key);
    if (!set) this.byUser.set(key, (set = new Set()));
    set.add(connection);
  }

  remove(connection: RealtimeConnection): void {
    const key = userKey(connection.tenantId, connection.userId);
    const set = this.byUser.get(key);
    if (!set) return;
    set.delete(connection);
    if (set.size === 0) this.byUser.delete(key);
  }

  deliver(envelope: RealtimeEnvelope): void {
    const set = this.byUser.get(userKey(envelope.tenantId, envelope.userId));
    if (!set) return;
    const text = JSON.stringify(envelope.message);
    for (const connection of set) send(connection, text);
  }

  /** Each connected user once (for re-sending state after a lost LISTEN connection). */
  users(): { tenantId: string; userId: string }[] {
    return [...this.byUser.values()].flatMap((set) => {
      const first = set.values().next().value;
      return first ? [{ tenantId: first.tenantId, userId: first.userId }] : [];
    });
  }

  connections(): RealtimeConnection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }

  sendTo(tenantId: string, userId: string, message: RealtimeMessage): void {
    this.deliver({ tenantId, userId, message });
  }
}

export function send(connection: RealtimeConnection, text: string): void {
  // 1 = OPEN; a socket closing meanwhile just misses the message and reconnects for fresh state.
  if (connection.socket.readyState === 1) connection.socket.send(text);
}

import websocket from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../http/auth-hook';
import { countUnread } from '../notifications/unread';
import { RealtimeHub, send, type RealtimeConnection } from './hub';
import { RealtimeListener } from './listener';
import { assertAppOrigin } from './origin';
import { sweepConnections } from './sweep';

const SWEEP_MS = 30_000;

/**
 * The per-user WebSocket channel: GET /api/v1/realtime upgrades (cookie or bearer, app Origin) and
 * then receives RealtimeMessage JSON frames; it sends nothing back. Each process LISTENs once and
 * fans messages out to its own sockets, so any process may publish to a user on any other.
 */
export const realtimeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const hub = new RealtimeHub();

  /** Fresh counts to every socket: after a lost LISTEN connection some messages never arrived. */
  async function resendUnread() {
    for (const { tenantId, userId } of hub.users()) {
      const count = await countUnread(database.db, tenantId, userId).catch(() => null);
      if (count !== null) hub.sendTo(tenantId, userId, { type: 'unread', count });
    }
  }

  const listener = new RealtimeListener(database.url, { onMessage: (e) => hub.deliver(e), onReconnected: () => void resendUnread() }, app.log);
  let sweepTimer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await listener.start();
    sweepTimer = setInterval(() => {
      sweepConnections(database.db, hub).catch((err: unknown) => app.log.warn({ err }, 'realtime sweep failed'));
    }, SWEEP_MS);
    sweepTimer.unref();
  });
  app.addHook('onClose', async () => {
    if (sweepTimer) clearInterval(sweepTimer);
    await listener.stop();
  });

  // Clients only listen: a tiny frame limit keeps a misbehaving one from costing memory.
  await app.register(websocket, { options: { maxPayload: 1024 } });

  app.get('/api/v1/realtime', {
    websocket: true,
    config: { auth: 'user' },
    schema: { tags: ['realtime'], summary: 'WebSocket: live notifications and unread counts for the signed-in user' },
    preValidation: async (request) => assertAppOrigin(request, config.publicUrl),
    // A refused upgrade (401, 403) is answered on the raw socket; close it, or it stays open (an
    // accepted upgrade is hijacked and never gets here).
    onResponse: async (request) => {
      if (request.headers.upgrade) request.raw.socket?.destroy();
    },
  }, async (socket, request) => {
    const auth = requireAuth(request);
    const connection: RealtimeConnection = {
      socket, tenantId: auth.tenantId, userId: auth.userId, sessionId: auth.session?.id ?? null, alive: true,
    };
    hub.add(connection);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('close', () => hub.remove(connection));
    // The client's state starts from here: each (re)connect gets the current count.
    const count = await countUnread(database.db, auth.tenantId, auth.userId);
    send(connection, JSON.stringify({ type: 'unread', count }));
  });
};

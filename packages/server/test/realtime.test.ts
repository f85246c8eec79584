import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RealtimeMessage } from '@yixiao/core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp } from '../src/app';
import { openDatabase, type Database } from '../src/db/database';
import { notify } from '../src/platform/notifications/notify';
import { createCompany, signIn, startTestApp, TEST_ORIGIN, type Client, type TestApp } from './support/app';

/** A real WebSocket client that records what the server pushes. */
interface Socket {
  ws: WebSocket;
  messages: RealtimeMessage[];
  waitFor(match: (m: RealtimeMessage) => boolean, timeoutMs?: number): Promise<RealtimeMessage>;
}

function openSocket(url: string, headers: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: RealtimeMessage[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)) as RealtimeMessage);
      for (const w of waiters.splice(0)) w();
    });
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(Object.assign(new Error(`refused ${res.statusCode}`), { statusCode: res.statusCode }));
    });
    ws.once('error', reject);
    ws.once('open', () => resolve({
      ws,
      messages,
      waitFor(match, timeoutMs = 5000) {
        return new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`no matching message; got ${JSON.stringify(messages)}`)), timeoutMs);
          const check = () => {
            const found = messages.find(match);
            if (found) {
              clearTimeout(timer);
              done(found);
            } else waiters.push(check);
          };
          check();
        });
      },
    }));
  });
}

const listen = async (app: FastifyInstance) => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/realtime`;
};

describe('realtime over WebSocket', () => {
  let a: TestApp;
  let b: { app: FastifyInstance; database: Database };
  let urlA: string;
  let urlB: string;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: Client;
  let rep: Client;

  before(async () => {
    a = await startTestApp();
    // A second server process on the same database: its own pool, LISTEN connection and sockets.
    const database = openDatabase(a.database.url);
    b = { app: await buildApp({ database, config: a.config }, { logger: false }), database };
    urlA = await listen(a.app);
    urlB = await listen(b.app);
    company = await createCompany(a);
    admin = await signIn(a, company.logins.admin);
    rep = await signIn(a, company.logins.rep);
  });
  after(async () => {
    await b.app.close();
    await b.database.close();
    await a.close();
  });

  it('delivers a notification made through server A to a socket on server B, with the new unread count', async () => {
    const socket = await openSocket(urlB, { cookie: rep.cookie, origin: TEST_ORIGIN });
    await socket.waitFor((m) => m.type === 'unread' && m.count === 0);
    const posted = await admin.post('/api/v1/announcements', { title: '五一放假通知', body: '5月1日至5日放假。', departmentId: null });
    assert.equal(posted.statusCode, 201, posted.body);
    const arrived = await socket.waitFor((m) => m.type === 'notification');
    assert.ok(arrived.type === 'notification');
    assert.equal(arrived.notification.title, '五一放假通知');
    assert.equal(arrived.notification.kind, 'announcement');
    assert.equal(arrived.notification.link, `/announcements/${posted.json().announcement.id}`);
    await socket.waitFor((m) => m.type === 'unread' && m.count === 1);
    socket.ws.close();
  });

  it('sends only to the addressed user', async () => {
    const repSocket = await openSocket(urlA, { cookie: rep.cookie, origin: TEST_ORIGIN });
    const adminSocket = await openSocket(urlB, { cookie: admin.cookie, origin: TEST_ORIGIN });
    await a.database.db.transaction().execute((tx) =>
      notify(tx, { tenantId: company.tenantId, userIds: [company.userIds.admin], kind: 'notice', title: '仅管理员可见' }));
    await adminSocket.waitFor((m) => m.type === 'notification' && m.notification.title === '仅管理员可见');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!repSocket.messages.some((m) => m.type === 'notification' && m.notification.title === '仅管理员可见'));
    repSocket.ws.close();
    adminSocket.ws.close();
  });

  it('accepts a bearer client without an Origin', async () => {
    const token = (await a.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: company.logins.manager, password: 'Passw0rd-test' } })).json().token as string;
    const socket = await openSocket(urlA, { authorization: `Bearer ${token}` });
    await socket.waitFor((m) => m.type === 'unread');
    socket.ws.close();
  });

  it('refuses an upgrade from a foreign Origin, even with a valid session cookie', async () => {
    await assert.rejects(openSocket(urlA, { cookie: rep.cookie, origin: 'https://evil.example' }), { statusCode: 403 });
  });

  it('refuses a browser session socket that sends no Origin', async () => {
    await assert.rejects(openSocket(urlA, { cookie: rep.cookie }), { statusCode: 403 });
  });

  it('refuses an unauthenticated upgrade', async () => {
    await assert.rejects(openSocket(urlA, { origin: TEST_ORIGIN }), { statusCode: 401 });
    await assert.rejects(openSocket(urlA, { origin: TEST_ORIGIN, cookie: 'yx_session=forged.value' }), { statusCode: 401 });
  });

  it('pushes nothing for a notification whose transaction rolls back', async () => {
    const socket = await openSocket(urlB, { cookie: rep.cookie, origin: TEST_ORIGIN });
    await socket.waitFor((m) => m.type === 'unread');
    const before = socket.messages.length;
    await assert.rejects(a.database.db.transaction().execute(async (tx) => {
      await notify(tx, { tenantId: company.tenantId, userIds: [company.userIds.rep], kind: 'notice', title: '不会送达', emailEvent: 'mentioned' });
      throw new Error('rolled back');
    }));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(socket.messages.length, before);
    const rows = await a.database.db.selectFrom('notifications').select('id').where('tenant_id', '=', company.tenantId).where('title', '=', '不会送达').execute();
    assert.equal(rows.length, 0);
    socket.ws.close();
  });

  it('keeps delivering after its LISTEN connection is killed, and resends the unread count', async () => {
    const socket = await openSocket(urlB, { cookie: rep.cookie, origin: TEST_ORIGIN });
    await socket.waitFor((m) => m.type === 'unread');
    const killer = new pg.Client({ connectionString: a.database.url });
    await killer.connect();
    const killed = await killer.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'yixiao-realtime' AND datname = current_database()`);
    await killer.end();
    assert.equal(killed.rowCount, 2, 'one listener per server');
    const count = socket.messages.length;
    // After reconnecting, each process re-sends the unread count to its sockets.
    await socket.waitFor((m) => socket.messages.indexOf(m) >= count && m.type === 'unread', 8000);
    await a.database.db.transaction().execute((tx) =>
      notify(tx, { tenantId: company.tenantId, userIds: [company.userIds.rep], kind: 'todo', title: '重连后的提醒' }));
    await socket.waitFor((m) => m.type === 'notification' && m.notification.title === '重连后的提醒');
    socket.ws.close();
  });
});

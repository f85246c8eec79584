import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { notify } from '../src/platform/notifications/notify';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

describe('notification centre', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let rep: Client;
  let manager: Client;

  const send = (userIds: string[], kind: 'todo' | 'notice' | 'announcement', title: string) =>
    t.database.db.transaction().execute((tx) => notify(tx, { tenantId: company.tenantId, userIds, kind, title, body: `${title}的内容`, link: '/task' }));

  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    rep = await signIn(t, company.logins.rep);
    manager = await signIn(t, company.logins.manager);
  });
  after(() => t.close());

  it('counts unread, lists mine by kind and unread, and marks one and then all read', async () => {
    await send([company.userIds.rep], 'todo', '跟进客户A');
    await send([company.userIds.rep], 'notice', '线索已转移给您');
    await send([company.userIds.rep, company.userIds.manager], 'announcement', '季度会议');

    assert.deepEqual((await rep.get('/api/v1/notifications/unread-count')).json(), { unread: 3 });
    const all = (await rep.get('/api/v1/notifications')).json();
    assert.equal(all.total, 3);
    assert.equal(all.unread, 3);
    assert.equal(all.items[0].title, '季度会议', 'newest first');
    const todos = (await rep.get('/api/v1/notifications?kind=todo')).json();
    assert.deepEqual(todos.items.map((n: { title: string }) => n.title), ['跟进客户A']);
    const paged = (await rep.get('/api/v1/notifications?page=2&pageSize=2')).json();
    assert.equal(paged.items.length, 1);

    const read = await rep.post(`/api/v1/notifications/${todos.items[0].id}/read`);
    assert.deepEqual(read.json(), { unread: 2 });
    assert.equal((await rep.post(`/api/v1/notifications/${todos.items[0].id}/read`)).json().unread, 2, 'reading twice is harmless');
    const unread = (await rep.get('/api/v1/notifications?unread=true')).json();
    assert.equal(unread.total, 2);
    assert.ok(unread.items.every((n: { readAt: string | null }) => n.readAt === null));

    assert.deepEqual((await rep.post('/api/v1/notifications/read-all', { kind: 'notice' })).json(), { unread: 1 });
    assert.deepEqual((await rep.post('/api/v1/notifications/read-all')).json(), { unread: 0 });
    assert.equal((await manager.get('/api/v1/notifications/unread-count')).json().unread, 1, 'the manager’s own stay unread');
  });

  it('never shows or marks another user’s notification', async () => {
    await send([company.userIds.manager], 'notice', '经理的私信');
    const mine = (await manager.get('/api/v1/notifications?kind=notice')).json();
    const id = mine.items[0].id as string;
    assert.equal((await rep.post(`/api/v1/notifications/${id}/read`)).statusCode, 404);
    assert.ok(!(await rep.get('/api/v1/notifications')).json().items.some((n: { id: string }) => n.id === id));
    assert.equal((await rep.get('/api/v1/notifications?kind=bogus')).statusCode, 400);
  });

  it('keeps companies apart', async () => {
    const other = await createCompany(t);
    await t.database.db.transaction().execute((tx) =>
      notify(tx, { tenantId: other.tenantId, userIds: [company.userIds.rep], kind: 'notice', title: '别家公司的通知' }));
    const titles = (await rep.get('/api/v1/notifications?pageSize=100')).json().items.map((n: { title: string }) => n.title);
    assert.ok(!titles.includes('别家公司的通知'), 'a user id of another tenant is not a recipient');
  });

  it('leaves nothing behind when the transaction rolls back: no row, no mail, no NOTIFY', async () => {
    const client = await t.database.pool.connect();
    const heard: string[] = [];
    client.on('notification', (n) => heard.push(n.channel));
    await client.query('LISTEN yixiao_realtime');
    await t.database.db.updateTable('users').set({ email: 'rep@example.com', email_verified_at: new Date() })
      .where('tenant_id', '=', company.tenantId).where('id', '=', company.userIds.rep).execute();
    await assert.rejects(t.database.db.transaction().execute(async (tx) => {
      await notify(tx, { tenantId: company.tenantId, userIds: [company.userIds.rep], kind: 'todo', title: '回滚的待办', emailEvent: 'task_due' });
      throw new Error('the business change failed');
    }));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(heard, []);
    await client.query('UNLISTEN *');
    client.release();
    const rows = await t.database.db.selectFrom('notifications').select('id').where('tenant_id', '=', company.tenantId).where('title', '=', '回滚的待办').execute();
    assert.equal(rows.length, 0);
    const mails = await t.database.db.selectFrom('mail_outbox').select('id').where('tenant_id', '=', company.tenantId).where('to_address', '=', 'rep@example.com').execute();
    assert.equal(mails.length, 0);
  });

  it('mails a copy per subscription: personal events on by default, off when switched off, never unverified', async () => {
    const db = t.database.db;
    const setUser = (id: string, email: string, verified: boolean, subscriptions: Record<string, boolean>) =>
      db.updateTable('users').set({ email, email_verified_at: verified ? new Date() : null, email_subscriptions: JSON.stringify(subscriptions) })
        .where('tenant_id', '=', company.tenantId).where('id', '=', id).execute();
    await setUser(company.userIds.rep, 'rep2@example.com', true, {});
    await setUser(company.userIds.manager, 'mgr@example.com', true, { task_due: false });
    await setUser(company.userIds.admin, 'boss@example.com', false, { task_due: true });
    await db.transaction().execute((tx) => notify(tx, {
      tenantId: company.tenantId, userIds: Object.values(company.userIds), kind: 'todo', title: '报价单今天到期', body: '请今天内发出', link: '/task/1',
      emailEvent: 'task_due', appUrl: t.config.publicUrl,
    }));
    const mails = await db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body'])
      .where('tenant_id', '=', company.tenantId).where(sql<boolean>`subject like '%报价单今天到期%'`).execute();
    assert.deepEqual(mails.map((m) => m.to_address), ['rep2@example.com']);
    assert.equal(mails[0]!.subject, '【易销】报价单今天到期');
    assert.match(mails[0]!.text_body, /请今天内发出/);
    assert.match(mails[0]!.text_body, /http:\/\/localhost:3000\/task\/1/);
  });

  it('skips disabled users', async () => {
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('tenant_id', '=', company.tenantId).where('id', '=', company.userIds.manager).execute();
    const result = await t.database.db.transaction().execute((tx) =>
      notify(tx, { tenantId: company.tenantId, userIds: [company.userIds.manager, company.userIds.rep], kind: 'notice', title: '停用用户不收' }));
    assert.equal(result.count, 1);
    await t.database.db.updateTable('users').set({ status: 'active' }).where('tenant_id', '=', company.tenantId).where('id', '=', company.userIds.manager).execute();
  });
});

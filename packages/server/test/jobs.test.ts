import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/database';
import { Jobs } from '../src/platform/jobs/jobs';
import { createCompany, signIn, startTestApp, type TestApp } from './support/app';

const quiet = { error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(100);
  }
}

describe('durable jobs', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('runs a job sent while no worker ran, once, after workers start (even two at once)', async () => {
    const sender = new Jobs(t.database.pool, quiet);
    sender.defineQueue('test.restart');
    await sender.start();
    const id = await sender.send('test.restart', { n: 42 });
    assert.ok(id);
    await sender.stop(); // the "old process" is gone; the job waits in PostgreSQL

    const seen: number[] = [];
    const workers = [0, 1].map(() => {
      const jobs = new Jobs(t.database.pool, quiet, { pollingIntervalSeconds: 0.5 });
      jobs.work<{ n: number }>('test.restart', async (data) => {
        seen.push(data.n);
        await sleep(300);
      }, { pollingIntervalSeconds: 0.5 });
      return jobs;
    });
    await Promise.all(workers.map((w) => w.start()));
    await until(() => seen.length > 0);
    await sleep(1500);
    assert.deepEqual(seen, [42]);
    await Promise.all(workers.map((w) => w.stop()));
  });

  it('waits for startAfter', async () => {
    const jobs = new Jobs(t.database.pool, quiet);
    const ran: number[] = [];
    jobs.work('test.later', async () => {
      ran.push(Date.now());
    }, { pollingIntervalSeconds: 0.5 });
    await jobs.start();
    const due = Date.now() + 1500;
    await jobs.send('test.later', {}, { startAfter: new Date(due) });
    await until(() => ran.length > 0);
    assert.ok(ran[0]! >= due - 200, 'not before its time');
    await jobs.stop();
  });

  it('keeps one queued job per singletonKey on a "short" queue', async () => {
    const jobs = new Jobs(t.database.pool, quiet);
    jobs.defineQueue('test.single', { policy: 'short' });
    await jobs.start();
    const first = await jobs.send('test.single', {}, { singletonKey: 'k', startAfter: new Date(Date.now() + 60_000) });
    const second = await jobs.send('test.single', {}, { singletonKey: 'k', startAfter: new Date(Date.now() + 60_000) });
    assert.ok(first);
    assert.equal(second, null);
    await jobs.stop();
  });

  it('sends in a transaction: a rolled-back job never exists', async () => {
    const jobs = new Jobs(t.database.pool, quiet);
    const ran: string[] = [];
    jobs.work<{ v: string }>('test.tx', async (data) => {
      ran.push(data.v);
    }, { pollingIntervalSeconds: 0.5 });
    await jobs.start();
    await assert.rejects(t.database.db.transaction().execute(async (tx) => {
      await jobs.send('test.tx', { v: 'rolled back' }, { tx });
      throw new Error('abort');
    }));
    await t.database.db.transaction().execute(async (tx) => {
      await jobs.send('test.tx', { v: 'committed' }, { tx });
    });
    await until(() => ran.length > 0);
    await sleep(800);
    assert.deepEqual(ran, ['committed']);
    await jobs.stop();
  });

  it('refuses to send to a queue nobody declared', async () => {
    const jobs = new Jobs(t.database.pool, quiet);
    await assert.rejects(jobs.send('test.nowhere', {}), /not defined/);
  });
});

describe('reminders through the job queue', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('turns a reminder into a todo notification, fired by a server started after the first one stopped', async () => {
    // Server A takes the reminder, then stops before it is due.
    const databaseA = openDatabase(t.database.url);
    const a = await buildApp({ database: databaseA, config: t.config }, { logger: false });
    await a.ready();
    const rep = await signIn({ ...t, app: a }, company.logins.rep);
    const remindAt = new Date(Date.now() + 1500).toISOString();
    const res = await rep.post('/api/v1/notifications/reminders', { title: '给王总回电话', body: '确认报价', link: '/task', remindAt });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await rep.get('/api/v1/notifications/reminders')).json().items.length, 1);
    await a.close();
    await databaseA.close();

    // The test app (server B) is running; its worker picks the reminder up when due.
    const client = await signIn(t, company.logins.rep);
    await until(async () => (await client.get('/api/v1/notifications?kind=todo')).json().total > 0, 15_000);
    await sleep(1000);
    const list = (await client.get('/api/v1/notifications?kind=todo')).json();
    assert.equal(list.total, 1, 'fired once');
    assert.equal(list.items[0].title, '给王总回电话');
    assert.equal(list.items[0].link, '/task');
    assert.equal((await client.get('/api/v1/notifications/reminders')).json().items.length, 0);
  });

  it('refuses a reminder in the past and cancels a pending one', async () => {
    const rep = await signIn(t, company.logins.rep);
    const past = await rep.post('/api/v1/notifications/reminders', { title: '过去', remindAt: new Date(Date.now() - 3600_000).toISOString() });
    assert.equal(past.statusCode, 400);
    const link = await rep.post('/api/v1/notifications/reminders', { title: '外链', link: '//evil.example', remindAt: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal(link.statusCode, 400);
    const created = await rep.post('/api/v1/notifications/reminders', { title: '明天开会', remindAt: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal(created.statusCode, 201);
    const manager = await signIn(t, company.logins.manager);
    assert.equal((await manager.delete(`/api/v1/notifications/reminders/${created.json().id}`)).statusCode, 404, 'not theirs');
    assert.equal((await rep.delete(`/api/v1/notifications/reminders/${created.json().id}`)).statusCode, 204);
    assert.equal((await rep.delete(`/api/v1/notifications/reminders/${created.json().id}`)).statusCode, 409);
  });
});

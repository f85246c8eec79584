import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { ImportJob } from '@yixiao/core';
import { buildApp } from '../src/app';
import { configFromEnv } from '../src/config';
import { openDatabase, type Database } from '../src/db/database';
import { shownStatus } from '../src/dataio/import/job-view';
import { signIn, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from './support/app';
import { createTestDatabase } from './support/db';
import { createOrg } from './support/org';
import { csv, upload, waitForJob } from './dataio-import-support';

// Imports whose runner stops beating for 2 s count as interrupted (30 s in production).
process.env.YIXIAO_IMPORT_STALE_SECONDS = '2';
const BATCH = 20;

const config = () => ({ ...configFromEnv({}), publicUrl: TEST_ORIGIN, webDist: null, logLevel: 'silent' });

/** An app server in this process over an existing database (a second one shares it, as two processes would). */
async function appOver(database: Database): Promise<TestApp> {
  const app = await buildApp({ database, config: config() }, { logger: false });
  await app.ready();
  return { app, database, config: config(), close: () => app.close() };
}

function leadFile(count: number, prefix: string, mobiles: string) {
  const rows = [['姓名', '公司名称', '负责人', '状态', '手机']];
  for (let i = 0; i < count; i++) rows.push([`${prefix}${i}`, `${prefix}公司${i}`, '孙销售', '未处理', `${mobiles}${String(i).padStart(8, '0')}`]);
  return csv(rows);
}

describe('导入 across server processes: one import per company, a killed server loses nothing reported done', () => {
  let database: Database;
  before(async () => { database = await createTestDatabase(); });
  after(async () => { await database.close(); });

  it('two app servers on one database: the second import is refused with who is importing, until the first ends', async () => {
    const first = await appOver(database);
    const second = await appOver(openDatabase(database.url));
    try {
      const org = await createOrg(first);
      const admin = await signIn(first, org.logins.admin);
      const manager = await signIn(second, org.logins.manager);
      // Hold the leads table so the first import stays in progress while the second arrives.
      const blocker = await database.pool.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE leads IN SHARE MODE');
      let released = false;
      try {
        const started = await upload(first, admin, 'lead', 'a.csv', leadFile(50, '甲', '130'));
        assert.equal(started.statusCode, 202, started.body);
        const refused = await upload(second, manager, 'lead', 'b.csv', leadFile(5, '乙', '131'));
        assert.equal(refused.statusCode, 409, refused.body);
        const error = refused.json().error as { code: string; message: string; details: { jobId: string; userName: string; startedAt: string } };
        assert.equal(error.code, 'import.busy');
        assert.equal(error.details.jobId, (started.json() as ImportJob).id);
        assert.equal(error.details.userName, '管理员');
        assert.match(error.message, /管理员 正在导入数据/);
        await blocker.query('COMMIT');
        released = true;
        const done = await waitForJob(admin, (started.json() as ImportJob).id);
        assert.equal(done.created, 50);
        const now = await upload(second, manager, 'lead', 'b.csv', leadFile(5, '乙', '131'));
        assert.equal(now.statusCode, 202, now.body);
        assert.equal((await waitForJob(manager, (now.json() as ImportJob).id)).created, 5);
      } finally {
        if (!released) await blocker.query('ROLLBACK');
        blocker.release();
      }
    } finally {
      await second.close();
      await second.database.close();
      await first.close();
    }
  });

  it('a server killed mid-import: counts equal the committed batches, no half batch; the job shows interrupted, then another server resumes it to done', async () => {
    const org = await createOrg({ database } as TestApp);
    const child = fileURLToPath(new URL('./dataio-import-child.ts', import.meta.url));
    const env = { ...process.env, CHILD_DATABASE_URL: database.url, YIXIAO_IMPORT_BATCH_ROWS: String(BATCH), YIXIAO_IMPORT_STALE_SECONDS: '2' };
    const serve = async (): Promise<{ proc: ChildProcess; url: string }> => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      const port = await new Promise<string>((resolve, reject) => {
        proc.stdout!.on('data', (chunk: Buffer) => { const m = /listening (\d+)/.exec(chunk.toString()); if (m) resolve(m[1]!); });
        proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      return { proc, url: `http://127.0.0.1:${port}` };
    };
    const job = () => database.db.selectFrom('import_jobs').selectAll().where('tenant_id', '=', org.tenantId).executeTakeFirstOrThrow();
    const counts = async () => (await sql<{ outcomes: number; last: number | null; leads: number; changes: number }>`SELECT
        (SELECT count(*)::int FROM import_rows i WHERE tenant_id = ${org.tenantId}::uuid AND (outcome IS NOT NULL OR EXISTS (
          SELECT 1 FROM import_changes c WHERE c.tenant_id = i.tenant_id AND c.job_id = i.job_id AND c.line = i.line))) AS outcomes,
        (SELECT max(line) FROM import_changes WHERE tenant_id = ${org.tenantId}::uuid) AS last,
        (SELECT count(*)::int FROM leads WHERE tenant_id = ${org.tenantId}::uuid) AS leads,
        (SELECT count(*)::int FROM import_changes WHERE tenant_id = ${org.tenantId}::uuid) AS changes`.execute(database.db)).rows[0]!;

    const a = await serve();
    try {
      const login = await fetch(`${a.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: TEST_ORIGIN }, body: JSON.stringify({ login: org.logins.admin, password: TEST_PASSWORD }) });
      assert.equal(login.status, 200);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith('yx_session='))!.split(';')[0]!;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const form = new FormData();
      form.append('encoding', 'utf-8');
      form.append('mode', 'overwrite');
      form.append('file', new Blob([new Uint8Array(leadFile(600, '杀', '132'))]), 'kill.csv');
      const started = await fetch(`${a.url}/api/v1/lead/import`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, origin: TEST_ORIGIN }, body: form });
      assert.equal(started.status, 202, await started.clone().text());
      for (let i = 0; i < 1200 && (await job()).processed < 5 * BATCH; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      a.proc.kill('SIGKILL');
      await new Promise((r) => a.proc.once('exit', r));
    }

    const killed = await job();
    assert.equal(killed.status, 'running');
    assert.ok(killed.processed > 0 && killed.processed < 600, `processed ${killed.processed}`);
    const c = await counts();
    // Everything reported done is there, and nothing else: whole batches only.
    assert.equal(killed.processed % BATCH, 0);
    assert.deepEqual([c.outcomes, c.last, c.leads, c.changes], [killed.processed, killed.cursor, killed.created, killed.created]);
    assert.equal(killed.created, killed.processed);
    await new Promise((r) => setTimeout(r, 2_500));
    assert.equal(shownStatus(await job()), 'interrupted');

    const b = await serve();
    try {
      for (let i = 0; i < 2400 && (await job()).status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
      const done = await job();
      assert.deepEqual([done.status, done.processed, done.created, done.failed], ['done', 600, 600, 0]);
      const end = await counts();
      // Done: every line became a lead with its change for undo; the staged rows went (none failed).
      assert.deepEqual([end.outcomes, end.leads, end.changes], [0, 600, 600]);
      const repeated = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT mobile FROM leads WHERE tenant_id = ${org.tenantId}::uuid GROUP BY mobile HAVING count(*) > 1) d`.execute(database.db);
      assert.equal(repeated.rows[0]!.n, 0);
    } finally {
      b.proc.kill('SIGTERM');
      await new Promise((r) => b.proc.once('exit', r));
    }
  });
});

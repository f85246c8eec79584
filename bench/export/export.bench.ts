// Issue 7 benchmark: 导出 of 1,000,000 leads through the HTTP API as XLSX and as CSV (UTF-8 and
// GB18030): wall time, rows/s and the server process's peak RSS, against PostgreSQL's own
// `COPY (SELECT … the same columns, names and order …) TO STDOUT` of the same rows in the same run.
// `npm run bench -- export --scale=0.1` for a tenth of the size.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sql } from 'kysely';
import { createApiToken } from '../../packages/server/src/platform/auth/sessions';
import { generateOrganisation } from '../../packages/server/src/seed/generate-organisation';
import { generateLeads } from '../generate-records';
import { benchDatabase, scaleArg } from '../support';

const scale = scaleArg(1);
const LEADS = Math.round(1_000_000 * scale);
const COLUMNS = ['name', 'companyName', 'phone', 'title', 'status', 'mobile', 'email', 'createdAt', 'ownerId', 'poolGroupId'];
const here = path.dirname(new URL(import.meta.url).pathname);

/** Peak RSS of a process since the last reset (Linux: VmHWM, reset by writing 5 to clear_refs). */
const resetPeak = (pid: number) => { try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* not Linux: peak since start */ } };
const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Downloads a URL as fast as this process reads, counting bytes (the file is not kept). */
function download(url: string, token: string): Promise<{ bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      res.on('end', () => (res.complete ? resolve({ bytes, status: res.statusCode ?? 0 }) : reject(new Error('the download was cut short'))));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const bench = await benchDatabase();
const db = bench.database.db;
let server: ReturnType<typeof spawn> | undefined;
try {
  const t0 = performance.now();
  const org = await generateOrganisation(db, { name: '导出基准公司', users: 200, depth: 5, fanOut: 2, password: 'BenchPassw0rd', loginPrefix: 'e_' });
  await generateLeads(db, org.tenantId, LEADS);
  await sql`VACUUM ANALYZE leads`.execute(db);
  console.log(`generated ${LEADS} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const admin = await db.selectFrom('users').select('id').where('tenant_id', '=', org.tenantId).where('login', '=', org.adminLogin).executeTakeFirstOrThrow();
  const token = await createApiToken(db, org.tenantId, admin.id, 'bearer');

  // PROFILE=dir: the server writes a CPU profile there when it stops.
  const profile = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : [];
  server = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(here, '..', 'app-server.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: bench.url }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = server.pid!;
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: server!.stdout! }).on('line', (line) => { if (line.startsWith('listening ')) resolve(Number(line.split(' ')[1])); });
    server!.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const idle = rss(pid);
  console.log(`server pid ${pid} on port ${port}, RSS at rest ${mb(idle)}`);
  const base = `http://127.0.0.1:${port}/api/v1/lead/export?view=all&sort=-createdAt&columns=${COLUMNS.join(',')}`;

  // Baseline: PostgreSQL writes the same columns (names for owner and pool group, local times) in the
  // list's order (orderBy of -createdAt: created_at DESC, then id).
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const copySql = `COPY (SELECT l.name, l.company_name, l.phone, l.title, l.status, l.mobile, l.email,
      to_char(l.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), u.name, g.name
    FROM leads l LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.owner_id
    LEFT JOIN pool_groups g ON g.tenant_id = l.tenant_id AND g.id = l.pool_group_id
    WHERE l.tenant_id = '${org.tenantId}' ORDER BY l.created_at DESC, l.id) TO STDOUT WITH (FORMAT csv, HEADER)`;
  const copy = async () => {
    const started = performance.now();
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyTo(copySql));
      stream.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    return { ms: performance.now() - started, bytes };
  };
  await copy(); // warm the cache the same for both
  const baseline = await copy();

  const results: { label: string; ms: number; bytes: number; peak: number }[] = [];
  for (const [label, query] of [['XLSX', '&format=xlsx'], ['CSV UTF-8', '&format=csv&encoding=utf-8'], ['CSV GB18030', '&format=csv&encoding=gb18030']] as const) {
    resetPeak(pid);
    const started = performance.now();
    const { bytes, status } = await download(base + query, token);
    const ms = performance.now() - started;
    if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
    results.push({ label, ms, bytes, peak: peakRss(pid) });
  }
  await client.end();

  const rate = (ms: number) => Math.round(LEADS / (ms / 1000)).toLocaleString('en-US');
  console.log(`\nexport of ${LEADS.toLocaleString('en-US')} leads, ${COLUMNS.length} columns, as the administrator (every row visible):`);
  console.log(`  ${'COPY … TO STDOUT (baseline)'.padEnd(28)} ${(baseline.ms / 1000).toFixed(1).padStart(6)} s  ${rate(baseline.ms).padStart(9)} rows/s  ${mb(baseline.bytes).padStart(7)}`);
  for (const r of results) {
    console.log(`  ${r.label.padEnd(28)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${rate(r.ms).padStart(9)} rows/s  ${mb(r.bytes).padStart(7)}  peak RSS ${mb(r.peak)}  ${(r.ms / baseline.ms).toFixed(1)}× COPY`);
  }
  console.log(`  server RSS at rest ${mb(idle)}`);
} finally {
  server?.kill('SIGTERM');
  await bench.close();
}

// Issue 7 benchmark: 导入线索公海池 of a 1,048,576-row GB18030 CSV (12 columns, 3 of them custom
// fields, 5% duplicates by 手机) into a company already holding 1,000,000 leads, mode 覆盖导入, with
// an auto-assign rule on the pool group. Reports wall time (upload start to job done), rows/s, the
// server process's peak RSS, and the ratio to PostgreSQL COPY of the same rows into the same table
// measured in the same run (in a transaction rolled back, so the import starts from the same state).
// `npm run bench -- import --scale=0.1` for a tenth of the size.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import type { ImportJob } from '@yixiao/core';
import { createApiToken } from '../../packages/server/src/platform/auth/sessions';
import { loadObject } from '../../packages/server/src/metadata/registry';
import { searchText } from '../../packages/server/src/records/search-text';
import { benchDatabase, scaleArg } from '../support';
import { benchCompany, HEADER, row } from './company';

const scale = scaleArg(1);
const EXISTING = Math.round(1_000_000 * scale);
const ROWS = Math.round(1_048_576 * scale);
/** --no-assign: the same import without the auto-assign rule, to see what the rule costs. */
const ASSIGN = !process.argv.includes('--no-assign');
const here = path.dirname(new URL(import.meta.url).pathname);

const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') + '\r\n';

/** Posts the file as multipart (fields first, then the file) streamed from disk, as a browser would. */
function uploadImport(port: number, token: string, file: string): Promise<{ status: number; body: string }> {
  const boundary = `----yixiao${Date.now()}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = field('mode', 'overwrite') + field('encoding', 'gb18030') + field('target', 'pool')
    + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/lead/import', headers: {
      authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': Buffer.byteLength(head) + statSync(file).size + Buffer.byteLength(tail),
    } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.write(head);
    const stream = createReadStream(file);
    stream.on('end', () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}

async function getJob(port: number, token: string, id: string): Promise<ImportJob> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as ImportJob;
}

const bench = await benchDatabase();
const db = bench.database.db;
const dir = mkdtempSync(path.join(os.tmpdir(), 'yixiao-import-bench-'));
let server: ReturnType<typeof spawn> | undefined;
try {
  const t0 = performance.now();
  const { tenantId, groupId, adminId } = await benchCompany(db, EXISTING, ASSIGN);
  console.log(`generated ${EXISTING.toLocaleString('en-US')} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The file, GB18030 (4-byte characters included: 𠀀), and the same rows as UTF-8 CSV for COPY.
  const file = path.join(dir, 'leads.csv');
  const copyFile = path.join(dir, 'copy.csv');
  async function* chunks(encode: (i: number) => string, header: string) {
    yield header;
    let text = '';
    for (let i = 1; i <= ROWS; i++) {
      text += encode(i);
      if (text.length > 1 << 20) { yield text; text = ''; }
    }
    yield text;
  }
  await pipeline(Readable.from(chunks((i) => csvLine(row(i, EXISTING)), csvLine(HEADER))), iconv.encodeStream('gb18030'), createWriteStream(file));
  await pipeline(Readable.from(chunks((i) => {
    const r = row(i, EXISTING);
    return csvLine([tenantId, r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!, r[8]!, JSON.stringify({ c_budget: r[9], c_product: r[10], c_grade: r[11] }), groupId, 'pool']);
  }, '')), createWriteStream(copyFile));
  // The same rows with the search_text the engine stores beside them (its trigram index is the
  // costliest the table has): a second, informative baseline, closer to what an import must write.
  const lead = await loadObject(db, tenantId, 'lead');
  const searchFile = path.join(dir, 'copy-search.csv');
  await pipeline(Readable.from(chunks((i) => {
    const r = row(i, EXISTING);
    const text = searchText(lead, { name: r[0], companyName: r[1], status: r[2], mobile: r[3], phone: r[4], title: r[5], email: r[6], industry: r[7], address: r[8] });
    return csvLine([tenantId, r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!, r[7]!, r[8]!, JSON.stringify({ c_budget: r[9], c_product: r[10], c_grade: r[11] }), groupId, 'pool', text]);
  }, '')), createWriteStream(searchFile));
  console.log(`file: ${ROWS.toLocaleString('en-US')} rows, ${mb(statSync(file).size)} GB18030`);

  // Baseline: COPY of the same rows into the same table (every index maintained), rolled back.
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  await client.query('BEGIN');
  const copyStarted = performance.now();
  await pipeline(createReadStream(copyFile), client.query(copyFrom(`COPY leads (tenant_id, name, company_name, status, mobile, phone, title, email, industry, address, custom, pool_group_id, pool_state) FROM STDIN WITH (FORMAT csv)`)));
  const copyMs = performance.now() - copyStarted;
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  const searchStarted = performance.now();
  await pipeline(createReadStream(searchFile), client.query(copyFrom(`COPY leads (tenant_id, name, company_name, status, mobile, phone, title, email, industry, address, custom, pool_group_id, pool_state, search_text) FROM STDIN WITH (FORMAT csv)`)));
  const copySearchMs = performance.now() - searchStarted;
  await client.query('ROLLBACK');
  await client.end();
  console.log(`COPY baseline: ${(copyMs / 1000).toFixed(1)} s (with search_text ${(copySearchMs / 1000).toFixed(1)} s)`);

  const token = await createApiToken(db, tenantId, adminId, 'bearer');
  // SERVER_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS).
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(here, '..', 'app-server.ts')], { env: { ...process.env, BENCH_DATABASE_URL: bench.url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = server.pid!;
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: server!.stdout! }).on('line', (line) => { if (line.startsWith('listening ')) resolve(Number(line.split(' ')[1])); });
    server!.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const idle = rss(pid);
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* peak since start */ }

  const started = performance.now();
  const answer = await uploadImport(port, token, file);
  if (answer.status !== 202) throw new Error(`upload: HTTP ${answer.status} ${answer.body}`);
  const uploadMs = performance.now() - started;
  const id = (JSON.parse(answer.body) as ImportJob).id;
  let job: ImportJob;
  for (;;) {
    job = await getJob(port, token, id);
    if (!['parsing', 'queued', 'running', 'interrupted'].includes(job.status)) break;
    if (process.env.PROGRESS === '1') console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${job.processed}/${job.total}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const ms = performance.now() - started;
  const peak = peakRss(pid);
  const assigned = await sql<{ n: number }>`SELECT count(*)::int AS n FROM record_events WHERE tenant_id = ${tenantId}::uuid AND kind = 'auto_assign'`.execute(db);

  console.log(`\nimport of ${ROWS.toLocaleString('en-US')} rows (GB18030 CSV, 12 columns, 3 custom) into ${EXISTING.toLocaleString('en-US')} leads, 覆盖导入 into the pool${ASSIGN ? ', auto-assign on' : ', no auto-assign rule'}:`);
  console.log(`  job ${job.status}: created ${job.created}, updated ${job.updated}, skipped ${job.skipped}, failed ${job.failed}; auto-assigned ${assigned.rows[0]!.n}`);
  console.log(`  upload + staging  ${(uploadMs / 1000).toFixed(1)} s`);
  console.log(`  wall time         ${(ms / 1000).toFixed(1)} s   ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s   (goal ≤ 60 s at full size)`);
  console.log(`  COPY baseline     ${(copyMs / 1000).toFixed(1)} s   ratio ${(ms / copyMs).toFixed(1)}× COPY   (goal ≤ 3×)`);
  console.log(`  COPY + search_text ${(copySearchMs / 1000).toFixed(1)} s  ratio ${(ms / copySearchMs).toFixed(1)}× (informative: the rows as the engine stores them)`);
  console.log(`  server peak RSS   ${mb(peak)}   (at rest ${mb(idle)}; goal ≤ 512 MB)`);
} finally {
  // The server ends its job's clean-up (and prints its phases) before the database goes away.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
  await bench.close();
}

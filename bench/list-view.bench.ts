// Issue 3 benchmark: a manager's list view of leads (visibility + 2 filters + sort + page of 50 +
// capped total) at 1,000,000 leads, 1,000,000 accounts, 3,000,000 activities and 200 users in a
// 5-level tree; p50/p95 through the HTTP API, and the ratio to the same SQL run bare through pg.
// `npm run bench -- list-view --scale=0.1` for a quick run at a tenth of the size.
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../packages/server/src/app';
import { configFromEnv } from '../packages/server/src/config';
import { loadPrincipal } from '../packages/server/src/platform/auth/context';
import { createApiToken } from '../packages/server/src/platform/auth/sessions';
import { listQueries } from '../packages/server/src/records/list-records';
import { openScope } from '../packages/server/src/records/scope';
import { generateOrganisation } from '../packages/server/src/seed/generate-organisation';
import { benchDatabase, markGenerated, measure, scaleArg } from './support';
import { generateAccounts, generateActivities, generateLeads } from './generate-records';

const scale = scaleArg(1);
const LEADS = Math.round(1_000_000 * scale);
const ACCOUNTS = Math.round(1_000_000 * scale);
const ACTIVITIES = Math.round(3_000_000 * scale);
const RUNS = 200;
const COMPANY = '基准测试公司';

const bench = await benchDatabase();
const db = bench.database.db;
try {
  const org = bench.reused ? await existingCompany() : await generate();
  console.log(`${bench.reused ? 'reused' : 'generated'} ${LEADS} leads, ${ACCOUNTS} accounts, ${ACTIVITIES} activities`);

  // The manager: head of a level-2 department (a quarter of the company below them).
  const manager = await sql<{ id: string; login: string }>`
    SELECT u.id, u.login FROM users u JOIN departments d ON d.tenant_id = u.tenant_id AND d.head_user_id = u.id
    JOIN departments p ON p.tenant_id = d.tenant_id AND p.id = d.parent_id
    JOIN departments root ON root.tenant_id = p.tenant_id AND root.id = p.parent_id AND root.parent_id IS NULL
    WHERE u.tenant_id = ${org.tenantId}::uuid LIMIT 1`.execute(db).then((r) => r.rows[0]!);
  const token = await createApiToken(db, org.tenantId, manager.id, 'bearer');
  const app = await buildApp({ database: bench.database, config: { ...configFromEnv({}), webDist: null, logLevel: 'error' } });
  await app.ready();

  const filter = { and: [{ field: 'status', op: 'eq', value: '未处理' }, { field: 'createdAt', op: 'inLast', value: { days: 180 } }] };
  const url = `/api/v1/lead?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=-createdAt&page=1&pageSize=50`;
  const first = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  if (first.statusCode !== 200) throw new Error(`list failed: ${first.statusCode} ${first.body}`);
  console.log(`manager sees total=${first.json().total}${first.json().totalCapped ? '+' : ''}`);

  const viaApp = await measure(RUNS, () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }));

  // The same two statements, compiled by the engine, run straight through pg on one connection.
  const principal = (await loadPrincipal(db, org.tenantId, manager.id))!;
  const scope = await openScope(db, { ...principal, via: 'bearer' }, 'lead');
  const queries = listQueries(scope, { filter: filter as never, sort: '-createdAt', page: 1, pageSize: 50 });
  const page = queries.page.compile(db);
  const count = queries.count.compile(db);
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const bare = await measure(RUNS, async () => {
    await client.query(page.sql, page.parameters as unknown[]);
    await client.query(count.sql, count.parameters as unknown[]);
  });
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${page.sql}`, page.parameters as unknown[]);
  const countPlan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${count.sql}`, count.parameters as unknown[]);
  await client.end();
  await app.close();

  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(`\nmanager list view (${LEADS} leads), ${RUNS} runs:`);
  console.log(`  API      p50 ${viaApp.p50.toFixed(1)} ms  p95 ${viaApp.p95.toFixed(1)} ms   (goal p95 ≤ 30 ms)`);
  console.log(`  bare SQL p50 ${bare.p50.toFixed(1)} ms  p95 ${bare.p95.toFixed(1)} ms`);
  console.log(`  ratio API / bare SQL: p50 ${ratio(viaApp.p50, bare.p50)}×  p95 ${ratio(viaApp.p95, bare.p95)}×`);
  if (process.env.PLAN === '1') {
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    console.log(countPlan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
} finally {
  await bench.close();
}

async function generate() {
  const t0 = performance.now();
  const org = await generateOrganisation(db, { name: COMPANY, users: 200, depth: 5, fanOut: 2, password: 'BenchPassw0rd', loginPrefix: 'b_' });
  await generateLeads(db, org.tenantId, LEADS);
  await generateAccounts(db, org.tenantId, ACCOUNTS);
  await generateActivities(db, org.tenantId, ACTIVITIES, LEADS, ACCOUNTS);
  await sql`VACUUM ANALYZE`.execute(db).catch(async () => {
    for (const table of ['leads', 'accounts', 'activities', 'users', 'departments']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  });
  markGenerated();
  console.log(`generation took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return org;
}

async function existingCompany() {
  return { tenantId: (await sql<{ id: string }>`SELECT id FROM tenants WHERE name = ${COMPANY}`.execute(db)).rows[0]!.id };
}

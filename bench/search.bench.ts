// Issue 3 benchmark: global search (§2.1) for a manager in a company with 1,000,000 leads,
// 1,000,000 accounts and 200 users in a 5-level tree; p50/p95 through the HTTP API, and the ratio
// to the same SQL run bare through pg. Also the 查重 check and a list page's "!" marks.
// `npm run bench -- search --scale=0.1` for a quick run at a tenth of the size; PLAN=1 prints plans.
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../packages/server/src/app';
import { configFromEnv } from '../packages/server/src/config';
import { loadPrincipal } from '../packages/server/src/platform/auth/context';
import { createApiToken } from '../packages/server/src/platform/auth/sessions';
import { searchText } from '../packages/server/src/records/search-text';
import { loadViewer } from '../packages/server/src/records/visibility';
import { globalSearch } from '../packages/server/src/search/global-search';
import { parseQuery } from '../packages/server/src/search/query-terms';
import { SEARCHED_OBJECTS, searchStatement } from '../packages/server/src/search/search-sql';
import { generateOrganisation } from '../packages/server/src/seed/generate-organisation';
import { generateSearchRecords, vocabulary, withoutIndexes } from './search-data';
import { benchDatabase, percentile, scaleArg } from './support';

const scale = scaleArg(1);
const LEADS = Math.round(1_000_000 * scale);
const ACCOUNTS = Math.round(1_000_000 * scale);
const ROUNDS = 4; // every query of the mix this many times, after one warm-up round
const LIMIT = 5; // the dropdown's results per object

const bench = await benchDatabase();
const db = bench.database.db;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
try {
  const started = performance.now();
  let t0 = started;
  const org = await generateOrganisation(db, { name: '搜索基准公司', users: 200, depth: 5, fanOut: 2, password: 'BenchPassw0rd', loginPrefix: 's_' });
  const words = vocabulary({ names: 20_000, brands: 40_000 });
  console.log(`200 users and a vocabulary of ${words.names.length} names and ${words.brands.length} company words with pinyin in ${seconds(t0)}`);
  await withoutIndexes(db, ['leads', 'accounts'], async () => {
    t0 = performance.now();
    await generateSearchRecords(db, org.tenantId, { leads: LEADS, accounts: ACCOUNTS }, words);
    console.log(`inserted ${LEADS} leads and ${ACCOUNTS} accounts (search_text, company keys) in ${seconds(t0)}`);
    t0 = performance.now();
  });
  console.log(`built their indexes in ${seconds(t0)}`);
  t0 = performance.now();
  await sql`VACUUM ANALYZE leads`.execute(db);
  await sql`VACUUM ANALYZE accounts`.execute(db);
  console.log(`vacuumed and analysed in ${seconds(t0)}; generation took ${seconds(started)} in all`);

  // The generated search_text must be what the engine writes: compare a sample with searchText().
  const [lead, account] = [SEARCHED_OBJECTS.find((o) => o.key === 'lead')!, SEARCHED_OBJECTS.find((o) => o.key === 'account')!];
  const sample = await sql<{ name: string; company_name: string; mobile: string; email: string | null; search_text: string }>`
    SELECT name, company_name, mobile, email, search_text FROM leads TABLESAMPLE SYSTEM (1) LIMIT 200`.execute(db);
  const same = sample.rows.filter((r) => r.search_text === searchText(lead, { name: r.name, companyName: r.company_name, mobile: r.mobile, email: r.email })).length;
  const accountSample = await sql<{ name: string; phone: string; search_text: string }>`
    SELECT name, phone, search_text FROM accounts TABLESAMPLE SYSTEM (1) LIMIT 200`.execute(db);
  const sameAccounts = accountSample.rows.filter((r) => r.search_text === searchText(account, { name: r.name, phone: r.phone })).length;
  console.log(`search_text as the engine writes it: ${same}/${sample.rows.length} sampled leads, ${sameAccounts}/${accountSample.rows.length} accounts`);

  // The manager: head of a level-2 department (a quarter of the company below them).
  const manager = await sql<{ id: string }>`
    SELECT u.id FROM users u JOIN departments d ON d.tenant_id = u.tenant_id AND d.head_user_id = u.id
    JOIN departments p ON p.tenant_id = d.tenant_id AND p.id = d.parent_id
    JOIN departments root ON root.tenant_id = p.tenant_id AND root.id = p.parent_id AND root.parent_id IS NULL
    WHERE u.tenant_id = ${org.tenantId}::uuid LIMIT 1`.execute(db).then((r) => r.rows[0]!);
  const auth = { ...(await loadPrincipal(db, org.tenantId, manager.id))!, via: 'bearer' as const };
  const viewer = await loadViewer(db, auth);
  const owners = [manager.id, ...viewer.subordinateIds];

  // A mix of what people type: names, pinyin, initials, companies, phones, e-mails, one character.
  const mine = (await sql<{ name: string; company_name: string; mobile: string; email: string | null }>`
    SELECT name, company_name, mobile, email FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND owner_id = ANY(${owners}::uuid[])
    ORDER BY md5(id::text) LIMIT 12`.execute(db)).rows;
  const theirs = (await sql<{ name: string; phone: string }>`SELECT name, phone FROM accounts ORDER BY md5(id::text) LIMIT 6`.execute(db)).rows;
  const spell = (name: string) => searchText(lead, { name }).split(' ');
  const brand = (i: number) => words.brands[(i * 977) % words.brands.length]!;
  const queries: [kind: string, q: string][] = [
    ...mine.slice(0, 6).map((r) => ['name', r.name] as [string, string]),
    ...mine.slice(0, 6).map((r) => ['pinyin', spell(r.name)[1]!] as [string, string]),
    ...mine.slice(0, 6).map((r) => ['initials', spell(r.name)[2]!] as [string, string]),
    ...[1, 2, 3, 4].map((i) => ['company word', brand(i).text] as [string, string]),
    ...[5, 6, 7].map((i) => ['company pinyin', brand(i).full] as [string, string]),
    ...theirs.slice(0, 3).map((r) => ['company name', r.name] as [string, string]),
    ...mine.slice(6, 10).map((r) => ['mobile', r.mobile] as [string, string]),
    ...mine.slice(6, 10).map((r) => ['phone digits', r.mobile.slice(-7)] as [string, string]),
    ...theirs.slice(3, 6).map((r) => ['phone digits', r.phone.slice(-8)] as [string, string]),
    ...mine.filter((r) => r.email).slice(0, 3).map((r) => ['e-mail', r.email!.split('@')[0]!] as [string, string]),
    ['one character', '王'], ['one character', 'z'],
    ...mine.slice(10, 12).map((r) => ['two terms', `${r.name} ${brand(9).text}`] as [string, string]),
  ];

  const token = await createApiToken(db, org.tenantId, manager.id, 'bearer');
  const app = await buildApp({ database: bench.database, config: { ...configFromEnv({}), webDist: null, logLevel: 'error' } });
  await app.ready();
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const compiled = queries.map(([, q]) => searchStatement(viewer, parseQuery(q), LIMIT).compile(db));
  const api = (q: string) => app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=${LIMIT}`, headers: { authorization: `Bearer ${token}` } });

  // API: HTTP, bearer-token auth, viewer, search. Service: viewer and search in process. Bare: the search statement alone.
  const timings = { api: new Map<string, number[]>(), service: new Map<string, number[]>(), bare: new Map<string, number[]>() };
  const record = (which: keyof typeof timings, kind: string, ms: number) => timings[which].set(kind, [...(timings[which].get(kind) ?? []), ms]);
  let hits = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [i, [kind, q]] of queries.entries()) {
      let start = performance.now();
      const res = await api(q);
      if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
      if (round > 0) record('api', kind, performance.now() - start);
      if (round === 1 && (res.json() as { groups: unknown[] }).groups.length) hits++;
      start = performance.now();
      await globalSearch(db, auth, q, LIMIT);
      if (round > 0) record('service', kind, performance.now() - start);
      start = performance.now();
      await client.query(compiled[i]!.sql, compiled[i]!.parameters as unknown[]);
      if (round > 0) record('bare', kind, performance.now() - start);
    }
  }

  const all = (which: keyof typeof timings) => [...timings[which].values()].flat();
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(`\nglobal search for a manager (sees ${owners.length} of 200 users' records), ${queries.length} queries × ${ROUNDS} rounds, ${hits}/${queries.length} with results:`);
  console.log(`  ${'kind'.padEnd(16)} ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'SQL p50'.padStart(9)} ${'SQL p95'.padStart(9)}`);
  for (const kind of timings.api.keys()) {
    const [a, b] = [timings.api.get(kind)!, timings.bare.get(kind)!];
    console.log(`  ${kind.padEnd(16)} ${ms(percentile(a, 50))} ${ms(percentile(a, 95))} ${ms(percentile(b, 50))} ${ms(percentile(b, 95))}`);
  }
  const [a, b, v] = [all('api'), all('bare'), all('service')];
  console.log(`  ${'all'.padEnd(16)} ${ms(percentile(a, 50))} ${ms(percentile(a, 95))} ${ms(percentile(b, 50))} ${ms(percentile(b, 95))}   (goal API p95 ≤ 100 ms)`);
  console.log(`  ratio API / bare SQL: p50 ${(percentile(a, 50) / percentile(b, 50)).toFixed(2)}×  p95 ${(percentile(a, 95) / percentile(b, 95)).toFixed(2)}×`);
  console.log(`  in process (viewer + search, no HTTP or token auth): p50 ${ms(percentile(v, 50))}  p95 ${ms(percentile(v, 95))}`);

  // 查重 on the create form, and the "!" of a page of 50 leads, for the same manager.
  const checks = theirs.map((r) => r.name).concat(mine.slice(0, 6).map((r) => r.company_name));
  const check: number[] = [];
  const marks: number[] = [];
  const page = (await sql<{ id: string }>`SELECT id FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND owner_id = ANY(${owners}::uuid[])
    ORDER BY created_at DESC LIMIT 50`.execute(db)).rows.map((r) => r.id);
  for (let round = 0; round <= ROUNDS; round++) {
    for (const companyName of checks) {
      const start = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/lead/dedupe/check', headers: { authorization: `Bearer ${token}` }, payload: { values: { companyName, mobile: '13900000000' } } });
      if (res.statusCode !== 200) throw new Error(`check failed: ${res.statusCode} ${res.body}`);
      if (round > 0) check.push(performance.now() - start);
    }
    const start = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/lead/dedupe/marks', headers: { authorization: `Bearer ${token}` }, payload: { ids: page } });
    if (res.statusCode !== 200) throw new Error(`marks failed: ${res.statusCode} ${res.body}`);
    if (round > 0) marks.push(performance.now() - start);
  }
  console.log(`\n查重 check (lead company + mobile): p50 ${ms(percentile(check, 50))}  p95 ${ms(percentile(check, 95))}`);
  console.log(`"!" marks for a page of 50 leads:   p50 ${ms(percentile(marks, 50))}  max ${ms(Math.max(...marks))}`);

  if (process.env.PLAN === '1') {
    for (const i of [0, 6, 12, queries.length - 3]) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${compiled[i]!.sql}`, compiled[i]!.parameters as unknown[]);
      console.log(`\nplan for ${queries[i]![0]} "${queries[i]![1]}":\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await client.end();
  await app.close();
} finally {
  await bench.close();
}

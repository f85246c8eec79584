import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'kysely';
import { hasValidCheck } from '../src/registry/credit-code';
import { seedDemoRegistry } from '../src/registry/demo';
import { generateSampleCompanies, SAMPLE_SIZE } from '../src/registry/sample-generator';
import { CITIES, TRADES } from '../src/registry/sample-data';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';
import { uploadFile } from './support/uploads';

interface Suggestion { creditCode: string; name: string; legalRepresentative: string | null; status: string | null; address: string | null }
interface SuggestResult { provider: string; items: Suggestion[]; error: { code: string; message: string } | null }

const SAMPLE = generateSampleCompanies();
/** A sample company named 城市 + 字号 + 行业 + 有限公司, split into its parts. */
const sampleParts = (index = 0) => {
  const company = SAMPLE.filter((c) => CITIES.some((city) => c.name.startsWith(city.name)) && c.name.endsWith('有限公司'))[index]!;
  const city = CITIES.find((c) => company.name.startsWith(c.name))!;
  const trade = TRADES.find((t) => company.name.includes(t.word))!;
  const tradeName = company.name.slice(city.name.length, company.name.indexOf(trade.word));
  return { company, city, trade, tradeName };
};

/** A registry service on a free port, recording what it was asked. */
async function registryServer(handle: (path: string, res: ServerResponse) => void | Promise<void>) {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url!, headers: req.headers });
    void handle(req.url!, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/registry/`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

describe('工商信息 (§3.5.2)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;

  before(async () => {
    t = await startTestApp();
    ({ c, outsider } = await signedInOrg(t));
  });
  after(() => t.close());

  const suggest = async (client: Client, q: string) => {
    const res = await client.get(`/api/v1/business-registry/suggest?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as SuggestResult;
  };
  const settings = async (body: Record<string, unknown>) => {
    const res = await c.admin.put('/api/v1/admin/business-registry', { fill: [{ source: 'address', target: 'address' }, { source: 'phone', target: 'phone' }, { source: 'website', target: 'website' }], ...body });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const createAccount = async (client: Client, values: Record<string, unknown>) => {
    const res = await client.post('/api/v1/account', values);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; name: string };
  };

  it('generates a sample of realistic names with valid credit codes, the same on every run', () => {
    assert.equal(SAMPLE.length, SAMPLE_SIZE);
    assert.equal(new Set(SAMPLE.map((x) => x.name)).size, SAMPLE.length, 'names are distinct');
    assert.equal(new Set(SAMPLE.map((x) => x.creditCode)).size, SAMPLE.length, 'credit codes are distinct');
    for (const x of SAMPLE) {
      assert.match(x.creditCode, /^91\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
      assert.ok(hasValidCheck(x.creditCode), x.creditCode);
      assert.match(x.name, /(有限公司|有限责任公司)$/);
    }
    assert.deepEqual(generateSampleCompanies(5), SAMPLE.slice(0, 5), 'deterministic');
    const { company, city } = sampleParts();
    assert.ok(company.address!.startsWith(city.province), company.address!);
    assert.ok(company.phone!.startsWith(`${city.area}-`), company.phone!);
  });

  it('is off until an administrator chooses a provider: suggestions are empty, never an error', async () => {
    const result = await suggest(c.rep, '北京恒通');
    assert.deepEqual(result, { provider: 'off', items: [], error: null });
    assert.equal((await c.rep.get('/api/v1/business-registry/companies/91110105MA00000000')).statusCode, 409);
  });

  it('lets administrators alone read and change the settings and load data; the key is never sent back', async () => {
    for (const seat of ['rep', 'manager', 'director'] as const) {
      assert.equal((await c[seat].get('/api/v1/admin/business-registry')).statusCode, 403, seat);
      assert.equal((await c[seat].put('/api/v1/admin/business-registry', { provider: 'offline', fill: [] })).statusCode, 403, seat);
      assert.equal((await c[seat].post('/api/v1/admin/business-registry/data/sample')).statusCode, 403, seat);
      assert.equal((await c[seat].delete('/api/v1/admin/business-registry/data')).statusCode, 403, seat);
    }
    const initial = (await c.admin.get('/api/v1/admin/business-registry')).json();
    assert.equal(initial.provider, 'off');
    assert.deepEqual(initial.fill.map((r: { target: string }) => r.target), ['address', 'phone', 'website'], '§3.5.2: 详细地址, 电话, 公司网址');

    const saved = await settings({ provider: 'http', httpUrl: 'https://registry.example.com/api/', httpKey: 'sk-registry-0123456789' });
    assert.equal(saved.httpUrl, 'https://registry.example.com/api');
    assert.equal(saved.httpKeySet, true);
    assert.equal(saved.httpKeyHint, '••••6789');
    const read = await c.admin.get('/api/v1/admin/business-registry');
    assert.ok(!read.body.includes('sk-registry'), 'the key is not in the answer');
    // Saving without a key keeps it; null removes it.
    assert.equal((await settings({ provider: 'http', httpUrl: 'https://registry.example.com/api' })).httpKeySet, true);
    const { rows } = await sql<{ http_key: string }>`SELECT http_key FROM registry_settings`.execute(t.database.db);
    assert.ok(rows.some((r) => r.http_key === 'sk-registry-0123456789'));
    assert.equal((await c.admin.put('/api/v1/admin/business-registry', { provider: 'http', httpUrl: null, fill: [] })).statusCode, 400, 'http needs a URL');
    assert.equal((await c.admin.put('/api/v1/admin/business-registry', { provider: 'http', httpUrl: 'ftp://x', fill: [] })).statusCode, 400);
    const log = await sql<{ changes: { field: string; old: unknown; new: unknown }[] }>`SELECT changes FROM audit_log WHERE object_type = 'business_registry'`.execute(t.database.db);
    assert.ok(log.rows.length > 0 && !JSON.stringify(log.rows).includes('sk-registry'), 'the operation log has the change, not the key');
    assert.equal((await settings({ provider: 'http', httpUrl: 'https://registry.example.com/api', httpKey: null })).httpKeySet, false);

    // Fill rules: a field of the wrong kind, an unknown field and one field twice are refused; nothing changes.
    for (const fill of [[{ source: 'address', target: 'level' }], [{ source: 'phone', target: 'nope' }], [{ source: 'phone', target: 'phone' }, { source: 'address', target: 'phone' }], [{ source: 'address', target: 'name' }]]) {
      const res = await c.admin.put('/api/v1/admin/business-registry', { provider: 'offline', fill });
      assert.equal(res.statusCode, 400, JSON.stringify(fill));
    }
    assert.equal((await c.admin.get('/api/v1/admin/business-registry')).json().provider, 'http');
  });

  it('suggests sample companies offline by the start of the name, its 字号 and words inside it, and opens the full record', async () => {
    const loaded = await c.admin.post('/api/v1/admin/business-registry/data/sample');
    assert.equal(loaded.statusCode, 200, loaded.body);
    assert.equal(loaded.json().count, SAMPLE_SIZE);
    await settings({ provider: 'offline' });
    const view = (await c.admin.get('/api/v1/admin/business-registry')).json();
    assert.deepEqual({ count: view.offline.count, source: view.offline.source }, { count: SAMPLE_SIZE, source: 'sample' });

    const { company, city, trade, tradeName } = sampleParts();
    const prefix = `${city.name}${tradeName}`;
    const byPrefix = await suggest(c.rep, prefix);
    assert.equal(byPrefix.error, null);
    assert.ok(byPrefix.items.some((s) => s.creditCode === company.creditCode), `${prefix} finds ${company.name}`);
    assert.ok(byPrefix.items.every((s) => s.name.startsWith(prefix)), 'only names starting so');
    assert.ok(byPrefix.items.length <= 10);

    const byTradeName = await suggest(c.rep, tradeName);
    assert.ok(byTradeName.items.some((s) => s.creditCode === company.creditCode), `the 字号 ${tradeName} finds it without its city`);
    const contained = `${tradeName}${trade.word}`;
    const byWords = await suggest(c.rep, contained);
    assert.ok(byWords.items.some((s) => s.creditCode === company.creditCode), `${contained} is inside the name`);
    assert.ok(byWords.items.every((s) => s.name.includes(contained)));
    const twoWords = await suggest(c.rep, `${city.name} ${trade.word}`);
    assert.ok(twoWords.items.length > 0 && twoWords.items.every((s) => s.name.includes(city.name) && s.name.includes(trade.word)));

    const exact = await suggest(c.rep, company.name);
    assert.equal(exact.items[0]!.creditCode, company.creditCode, 'the exact name comes first');
    assert.deepEqual(exact.items[0], {
      creditCode: company.creditCode, name: company.name, legalRepresentative: company.legalRepresentative, status: company.status,
      address: company.address, establishedOn: company.establishedOn,
    });
    const bracketed = SAMPLE.find((x) => x.name.includes('（'))!;
    const inner = bracketed.name.slice(0, bracketed.name.indexOf('（'));
    assert.ok((await suggest(c.rep, inner)).items.some((s) => s.creditCode === bracketed.creditCode), `${inner} finds ${bracketed.name}`);
    assert.ok((await suggest(c.rep, company.creditCode.slice(0, 12))).items.some((s) => s.creditCode === company.creditCode), 'by credit code');
    assert.deepEqual((await suggest(c.rep, city.name.slice(0, 1))).items, [], 'one character suggests nothing');
    assert.deepEqual((await suggest(c.rep, '%_')).items, [], 'LIKE wildcards match themselves');
    assert.deepEqual((await suggest(outsider, prefix)).items, [], 'another company has no registry of ours');

    const full = await c.rep.get(`/api/v1/business-registry/companies/${company.creditCode}`);
    assert.equal(full.statusCode, 200, full.body);
    assert.deepEqual(full.json().company, company);
    assert.deepEqual(full.json().fill, { address: company.address, phone: company.phone, ...(company.website ? { website: `http://${company.website}` } : {}) });
    assert.equal((await c.rep.get('/api/v1/business-registry/companies/91110105MA00000000')).statusCode, 404);
  });

  it('fills the fields administrators choose: 省/市/区, 行业 (when it is an option), custom text fields', async () => {
    const field = await c.admin.post('/api/v1/admin/objects/account/fields', { label: { zh: '统一社会信用代码', en: 'Credit code' }, type: 'text' });
    assert.equal(field.statusCode, 201, field.body);
    const creditField = field.json().key as string;
    await settings({
      provider: 'offline',
      fill: [{ source: 'region', target: 'region' }, { source: 'industry', target: 'industry' }, { source: 'creditCode', target: creditField }, { source: 'address', target: 'remark' }],
    });
    const { company, city } = sampleParts(1);
    const fill = (await c.rep.get(`/api/v1/business-registry/companies/${company.creditCode}`)).json().fill;
    assert.deepEqual(fill, {
      region: { province: city.province, city: city.city, district: company.district }, industry: company.industry, [creditField]: company.creditCode, remark: company.address,
    });
    // The fill values are what the account form saves.
    const account = await createAccount(c.rep, { name: company.name, ...fill });
    assert.equal((await c.rep.get(`/api/v1/account/${account.id}`)).json().industry, company.industry);
    await settings({ provider: 'offline' });
  });

  it('shows an account\'s registration on its 工商信息 tab, or close names, to those who see the account', async () => {
    const { company } = sampleParts(2);
    const account = await createAccount(c.rep, { name: company.name });
    const tab = await c.rep.get(`/api/v1/account/${account.id}/business-registry`);
    assert.equal(tab.statusCode, 200, tab.body);
    assert.deepEqual(tab.json().company, company);
    assert.equal(tab.json().fill.address, company.address);
    assert.equal((await c.manager.get(`/api/v1/account/${account.id}/business-registry`)).statusCode, 200, 'the rep\'s manager');
    assert.equal((await c.peer.get(`/api/v1/account/${account.id}/business-registry`)).statusCode, 404, 'a colleague who cannot see the account');
    assert.equal((await outsider.get(`/api/v1/account/${account.id}/business-registry`)).statusCode, 404);

    const near = await createAccount(c.rep, { name: company.name.replace(/有限.*公司$/, '') });
    const nearTab = (await c.rep.get(`/api/v1/account/${near.id}/business-registry`)).json();
    assert.equal(nearTab.company, null);
    assert.ok(nearTab.candidates.some((s: Suggestion) => s.creditCode === company.creditCode));
  });

  it('loads a CSV file (GB18030 from Excel) or JSON Lines, replacing the data; one bad row loads nothing', async () => {
    const header = '统一社会信用代码,企业名称,法定代表人,注册资本,成立日期,经营状态,注册地址,电话,网址,行业,经营范围\n';
    const rows = [
      '91440300MA5D8XY21Q,深圳鲲鹏云图科技有限公司,李四,1000万元人民币,2016/3/1,存续,"广东省深圳市南山区科技园路1号, A座",0755-12345678,www.kunpeng.cn,信息技术,"软件开发；""云""服务"',
      '91110108MA01ABCD2X,北京鲲鹏智算数据科技有限公司,王五,500,2019年7月8日,在业,北京市海淀区知春路2号,010-87654321,,信息技术,',
    ];
    const gb = await sql<{ bytes: Buffer }>`SELECT convert_to(${header + rows.join('\r\n') + '\r\n'}, 'GB18030') AS bytes`.execute(t.database.db);
    const res = await uploadFile(t, c.admin, '/api/v1/admin/business-registry/data', 'registry.csv', gb.rows[0]!.bytes, 'text/csv');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { count: 2, source: 'file', fileName: 'registry.csv' });
    const found = await suggest(c.rep, '鲲鹏');
    assert.deepEqual(found.items.map((s) => s.name).sort(), ['北京鲲鹏智算数据科技有限公司', '深圳鲲鹏云图科技有限公司']);
    const one = (await c.rep.get('/api/v1/business-registry/companies/91440300MA5D8XY21Q')).json().company;
    assert.equal(one.address, '广东省深圳市南山区科技园路1号, A座');
    assert.equal(one.businessScope, '软件开发；"云"服务');
    assert.equal(one.establishedOn, '2016-03-01');
    assert.equal((await c.rep.get('/api/v1/business-registry/companies/91110108MA01ABCD2X')).json().company.establishedOn, '2019-07-08');

    const bad = await uploadFile(t, c.admin, '/api/v1/admin/business-registry/data', 'bad.csv',
      Buffer.from(`${header}91440300MA5D8XY21Q,好公司,,,,,,,,,\nNOT-A-CODE,坏公司,,,,,,,,,\n91110108MA01ABCD2X,,,,,,,,,,\n`), 'text/csv');
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual(bad.json().error.details.errors.map((e: { line: number }) => e.line), [3, 4]);
    assert.equal((await c.admin.get('/api/v1/admin/business-registry')).json().offline.count, 2, 'nothing changed');
    assert.equal((await uploadFile(t, c.admin, '/api/v1/admin/business-registry/data', 'x.csv', Buffer.from('a,b\n1,2\n'))).statusCode, 400, 'no known columns');

    const jsonl = SAMPLE.slice(0, 3).map((x) => JSON.stringify(x)).join('\n');
    const fromJson = await uploadFile(t, c.admin, '/api/v1/admin/business-registry/data', 'companies.jsonl', Buffer.from(jsonl), 'application/x-ndjson');
    assert.equal(fromJson.statusCode, 200, fromJson.body);
    assert.equal(fromJson.json().count, 3);
    assert.deepEqual((await suggest(c.rep, '鲲鹏')).items, [], 'the previous data is gone');
    assert.deepEqual((await c.rep.get(`/api/v1/business-registry/companies/${SAMPLE[1]!.creditCode}`)).json().company, SAMPLE[1]);
    assert.equal((await uploadFile(t, c.rep, '/api/v1/admin/business-registry/data', 'companies.jsonl', Buffer.from(jsonl))).statusCode, 403);

    assert.equal((await c.admin.delete('/api/v1/admin/business-registry/data')).statusCode, 204);
    assert.equal((await c.admin.get('/api/v1/admin/business-registry')).json().offline.count, 0);
    assert.equal((await c.admin.post('/api/v1/admin/business-registry/data/sample')).json().count, SAMPLE_SIZE);
  });

  it('asks an HTTP registry service with the key header and maps its answers', async () => {
    const remote = {
      creditCode: '91330106MA27TEXT0X', name: '杭州远景示例网络科技有限公司', legalRepresentative: '王伟', registeredCapital: 1000,
      establishedOn: '2015-06-01T00:00:00+08:00', status: '存续', address: '浙江省杭州市西湖区文三路188号', phone: '0571-88888888',
      website: 'https://www.yuanjing.example', industry: 'IT', businessScope: '技术开发', unknownExtra: 'ignored',
    };
    const server = await registryServer((path, res) => {
      if (path.startsWith('/registry/search?')) return json(res, 200, { items: [remote, { name: 'no code' }, { creditCode: '91110105MA00000001', name: '北京远景示例有限公司' }] });
      if (path === `/registry/companies/${remote.creditCode}`) return json(res, 200, remote);
      return json(res, 404, { error: 'not found' });
    });
    try {
      await settings({ provider: 'http', httpUrl: server.url, httpKey: 'test-key-abcdef', fill: [{ source: 'address', target: 'address' }, { source: 'website', target: 'website' }, { source: 'industry', target: 'industry' }] });
      const result = await suggest(c.rep, '远景示例');
      assert.equal(result.provider, 'http');
      assert.equal(result.error, null);
      assert.deepEqual(result.items, [
        { creditCode: remote.creditCode, name: remote.name, legalRepresentative: '王伟', status: '存续', address: remote.address, establishedOn: '2015-06-01' },
        { creditCode: '91110105MA00000001', name: '北京远景示例有限公司', legalRepresentative: null, status: null, address: null, establishedOn: null },
      ], 'an item without a credit code is left out');
      const asked = server.requests.find((r) => r.url.startsWith('/registry/search'))!;
      assert.equal(new URL(asked.url, 'http://x').searchParams.get('keyword'), '远景示例');
      assert.equal(asked.headers['x-api-key'], 'test-key-abcdef');

      const full = (await c.rep.get(`/api/v1/business-registry/companies/${remote.creditCode}`)).json();
      assert.equal(full.company.registeredCapital, '1000');
      assert.equal(full.company.establishedOn, '2015-06-01');
      assert.equal(full.company.district, null);
      assert.deepEqual(full.fill, { address: remote.address, website: remote.website, industry: '信息技术' }, '行业 IT is the option 信息技术');
      assert.equal((await c.rep.get('/api/v1/business-registry/companies/91110105MA00000009')).statusCode, 404);

      const account = await createAccount(c.rep, { name: remote.name });
      const tab = (await c.rep.get(`/api/v1/account/${account.id}/business-registry`)).json();
      assert.equal(tab.company.creditCode, remote.creditCode);
    } finally {
      await server.close();
    }
  });

  it('a slow or failing registry never holds up the form: empty suggestions within the timeout, a soft error, saving works', async () => {
    const server = await registryServer(async (path, res) => {
      if (path.includes('broken')) return json(res, 500, { error: 'boom' });
      await new Promise((resolve) => setTimeout(resolve, 5000));
      if (!res.destroyed) json(res, 200, { items: [] });
    });
    try {
      await settings({ provider: 'http', httpUrl: server.url, httpKey: 'slow-key' });
      const started = performance.now();
      const slow = await suggest(c.rep, '慢速公司');
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 1400 && elapsed < 3000, `answered in ${Math.round(elapsed)} ms`);
      assert.deepEqual(slow.items, []);
      assert.equal(slow.error?.code, 'timeout');
      assert.match(slow.error!.message, /超时/);

      const saving = performance.now();
      const account = await createAccount(c.rep, { name: '慢速公司', phone: '010-12345678' });
      assert.ok(performance.now() - saving < 1000, 'creating the account does not wait for the registry');
      assert.equal(account.name, '慢速公司');

      const broken = await suggest(c.rep, 'broken');
      assert.deepEqual(broken.items, []);
      assert.equal(broken.error?.code, 'unavailable');
      const detail = await c.rep.get('/api/v1/business-registry/companies/91110105MA00000001');
      assert.equal(detail.statusCode, 503);
    } finally {
      await server.close();
    }
    // A service that is not there at all is unavailable, quickly.
    const unreachable = await suggest(c.rep, '远景示例');
    assert.equal(unreachable.error?.code, 'unavailable');
  });

  it('gives the demo company the offline sample, with a registration for each of its accounts', async () => {
    const demo = await createOrg(t);
    const clients = await demo.clients();
    const account = await createAccount(clients.rep, { name: '北京仁科互动网络科技有限公司' });
    await seedDemoRegistry(t.database.db, demo.tenantId);
    const view = (await clients.admin.get('/api/v1/admin/business-registry')).json();
    assert.equal(view.provider, 'offline');
    assert.equal(view.offline.count, SAMPLE_SIZE + 1);
    const tab = (await clients.rep.get(`/api/v1/account/${account.id}/business-registry`)).json();
    assert.equal(tab.company.name, '北京仁科互动网络科技有限公司');
    assert.equal(tab.company.city, '北京市', 'the city in the name is the registration\'s');
    assert.ok(hasValidCheck(tab.company.creditCode));
  });

  it('describes the 工商信息 routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => p.includes('business-registry')));
    for (const p of ['/api/v1/business-registry/suggest', '/api/v1/business-registry/companies/{creditCode}', '/api/v1/account/{id}/business-registry',
      '/api/v1/business-registry/config', '/api/v1/admin/business-registry', '/api/v1/admin/business-registry/data', '/api/v1/admin/business-registry/data/sample']) {
      assert.ok(paths[p], p);
    }
    await SwaggerParser.validate({ ...doc, paths });
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

type Row = Record<string, unknown> & { id: string; version: number };

/** The generic record API (DESIGN.md §6) under abuse: hostile filters, stale versions, fields nobody may set, retries. */
describe('record API: what it refuses and what it guarantees', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;

  before(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    c = await org.clients();
    assert.equal((await c.admin.post('/api/v1/admin/objects/lead/fields', { key: 'cf_score', label: { zh: '评分' }, type: 'number' })).statusCode, 201);
    assert.equal((await c.admin.post('/api/v1/admin/objects/lead/fields', { key: 'cf_note', label: { zh: '说明' }, type: 'text' })).statusCode, 201);
  });
  after(() => t.close());

  const lead = async (client: Client, values: Record<string, unknown> = {}) => {
    const res = await client.post('/api/v1/lead', { name: '测试', companyName: '测试公司', ...values });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Row;
  };
  const listWith = (client: Client, filter: unknown) => client.get(`/api/v1/lead?pageSize=200&filter=${encodeURIComponent(typeof filter === 'string' ? filter : JSON.stringify(filter))}`);
  const leadCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM leads`.execute(t.database.db)).rows[0]!.n);

  it('filters a picklist whose options are rows (所属公海) with every picklist operator', async () => {
    const inGroup = await lead(c.rep, { name: '公海分组筛选' });
    const group = (await sql<{ id: string }>`SELECT pool_group_id AS id FROM leads WHERE id = ${inGroup.id}::uuid`.execute(t.database.db)).rows[0]!.id;
    assert.ok(group, 'a new lead belongs to the default group');
    const outside = await lead(c.rep, { name: '不在分组' });
    await sql`UPDATE leads SET pool_group_id = NULL WHERE id = ${outside.id}::uuid`.execute(t.database.db);
    const ids = async (filter: unknown) => {
      const res = await listWith(c.rep, filter);
      assert.equal(res.statusCode, 200, `${JSON.stringify(filter)}: ${res.body}`);
      return res.json().items.map((r: Row) => r.id) as string[];
    };
    const cases: [unknown, { has: string[]; lacks: string[] }][] = [
      [{ field: 'poolGroupId', op: 'in', value: [group] }, { has: [inGroup.id], lacks: [outside.id] }],
      [{ field: 'poolGroupId', op: 'eq', value: group }, { has: [inGroup.id], lacks: [outside.id] }],
      [{ field: 'poolGroupId', op: 'notIn', value: [group] }, { has: [outside.id], lacks: [inGroup.id] }],
      [{ field: 'poolGroupId', op: 'ne', value: group }, { has: [outside.id], lacks: [inGroup.id] }],
      [{ field: 'poolGroupId', op: 'isEmpty' }, { has: [outside.id], lacks: [inGroup.id] }],
      [{ field: 'poolGroupId', op: 'isNotEmpty' }, { has: [inGroup.id], lacks: [outside.id] }],
      [{ field: 'poolGroupId', op: 'in', value: ['不是编号', "x'::uuid"] }, { has: [], lacks: [inGroup.id, outside.id] }],
    ];
    for (const [filter, expected] of cases) {
      const found = await ids(filter);
      for (const id of expected.has) assert.ok(found.includes(id), `${JSON.stringify(filter)} finds ${id}`);
      for (const id of expected.lacks) assert.ok(!found.includes(id), `${JSON.stringify(filter)} leaves out ${id}`);
    }
  });

  it('matches hostile text literally and refuses hostile values, never executing them', async () => {
    const quoted = await lead(c.rep, { name: "O'Brien \"quoted\"", companyName: "'; DROP TABLE leads; --", cf_note: '100% _sure_ \\' });
    await lead(c.rep, { name: 'Plain', companyName: 'Plain Co', cf_note: '100 sure' });
    const before = await leadCount();
    const literal: [unknown, string[]][] = [
      [{ field: 'companyName', op: 'eq', value: "'; DROP TABLE leads; --" }, [quoted.id]],
      [{ field: 'name', op: 'contains', value: "O'Brien \"" }, [quoted.id]],
      [{ field: 'cf_note', op: 'contains', value: '%' }, [quoted.id]],
      [{ field: 'cf_note', op: 'contains', value: '_sure_' }, [quoted.id]],
      [{ field: 'cf_note', op: 'startsWith', value: '100%' }, [quoted.id]],
      [{ field: 'cf_note', op: 'eq', value: '100% _sure_ \\' }, [quoted.id]],
      [{ field: 'name', op: 'in', value: ["x') OR 1=1 --", "O'Brien \"quoted\""] }, [quoted.id]],
      [{ field: 'cf_note', op: 'eq', value: "' OR '1'='1" }, []],
    ];
    for (const [filter, expected] of literal) {
      const res = await listWith(c.rep, filter);
      assert.equal(res.statusCode, 200, `${JSON.stringify(filter)}: ${res.body}`);
      assert.deepEqual(res.json().items.map((r: Row) => r.id), expected, JSON.stringify(filter));
    }

    const refused: unknown[] = [
      '{"field":"cf_score","op":"gt","value":1e400}',
      { field: 'cf_score', op: 'gt', value: '1e400' },
      { field: 'cf_score', op: 'gt', value: '99999999999999999999999999999' },
      '{"field":"cf_score","op":"gt","value":99999999999999999999999999999}',
      { field: 'cf_score', op: 'eq', value: '1; DROP TABLE leads' },
      { field: 'cf_score', op: 'between', value: ['1', "2') OR ('1'='1"] },
      { field: 'createdAt', op: 'gt', value: '2024-02-30' },
      { field: 'createdAt', op: 'between', value: ['2024-13-01', '2024-12-01'] },
      { field: 'createdAt', op: 'inLast', value: { days: '7; DROP TABLE leads' } },
      { field: 'createdAt', op: 'inLast', value: { days: 1e9 } },
      { field: 'ownerId', op: 'eq', value: "' OR 1=1 --" },
      { field: 'name', op: 'eq', value: { $ne: null } },
      { field: 'name', op: 'eq', value: ['a'] },
      { field: 'name', op: 'gt', value: 'a' },
      { field: 'name', op: 'in', value: [] },
      { field: 'status', op: 'in', value: 'x' },
      { field: 'name; DROP TABLE leads', op: 'eq', value: 'x' },
      { field: 'tenant_id', op: 'eq', value: org.tenantId },
      { field: 'custom', op: 'isEmpty' },
      { field: 'name', op: 'raw', value: '1=1' },
      { field: 'name', op: 'eq', value: 'x', sql: 'true' },
      { and: Array.from({ length: 21 }, () => ({ field: 'name', op: 'eq', value: 'x' })) },
      { or: [{ and: Array.from({ length: 11 }, () => ({ field: 'name', op: 'isEmpty' })) }, { and: Array.from({ length: 10 }, () => ({ field: 'name', op: 'isEmpty' })) }] },
      'not json',
    ];
    for (const filter of refused) {
      const res = await listWith(c.rep, filter);
      assert.equal(res.statusCode, 400, `${JSON.stringify(filter)} answered ${res.statusCode}: ${res.body}`);
      assert.doesNotMatch(res.body, /syntax error|relation|column/i, 'no database error leaks');
    }
    assert.equal((await listWith(c.rep, { and: Array.from({ length: 20 }, () => ({ field: 'name', op: 'isNotEmpty' })) })).statusCode, 200, '20 conditions are fine');
    assert.equal((await c.rep.get('/api/v1/lead?sort=name;DROP TABLE leads')).statusCode, 400);
    assert.equal(await leadCount(), before, 'the leads table is intact');
  });

  it('answers 409 to a stale version, by body or If-Match, and changes nothing', async () => {
    const row = await lead(c.rep, { title: '原职务' });
    const fresh = await c.rep.patch(`/api/v1/lead/${row.id}`, { title: '新职务', version: row.version });
    assert.equal(fresh.statusCode, 200);
    const stale = await c.rep.patch(`/api/v1/lead/${row.id}`, { title: '过期的修改', version: row.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'version_conflict');
    const staleHeader = await c.rep.request('PATCH', `/api/v1/lead/${row.id}`, { title: '过期的修改' }, { 'if-match': `"${row.version}"` });
    assert.equal(staleHeader.statusCode, 409);
    const now = (await c.rep.get(`/api/v1/lead/${row.id}`)).json();
    assert.equal(now.title, '新职务');
    assert.equal(now.version, fresh.json().version);
    const byHeader = await c.rep.request('PATCH', `/api/v1/lead/${row.id}`, { title: '按头部版本' }, { 'if-match': String(now.version) });
    assert.equal(byHeader.statusCode, 200, byHeader.body);
    assert.equal((await c.rep.patch(`/api/v1/lead/${row.id}`, { title: '没有版本' })).statusCode, 400, 'a version is required');
  });

  it('refuses fields a user may not set instead of silently taking them', async () => {
    const row = await lead(c.rep);
    const patches: Record<string, unknown>[] = [
      { ownerId: org.userIds.peer }, { createdBy: org.userIds.peer }, { createdAt: '2020-01-01T00:00:00Z' }, { tenantId: org.tenantId },
      { id: '00000000-0000-4000-8000-000000000000' }, { lastActivityAt: '2020-01-01T00:00:00Z' }, { custom: { cf_score: '1' } }, { searchText: 'x' }, { nonsense: 1 },
    ];
    for (const patch of patches) {
      const res = await c.rep.patch(`/api/v1/lead/${row.id}`, { ...patch, version: row.version });
      assert.equal(res.statusCode, 400, `PATCH ${JSON.stringify(patch)} answered ${res.statusCode}`);
    }
    for (const extra of [{ createdBy: org.userIds.peer }, { tenantId: org.tenantId }, { version: 7 }, { id: '00000000-0000-4000-8000-000000000000' }, { updatedAt: '2020-01-01T00:00:00Z' }]) {
      const res = await c.rep.post('/api/v1/lead', { name: '越权', companyName: '越权公司', ...extra });
      assert.equal(res.statusCode, 400, `POST ${JSON.stringify(extra)} answered ${res.statusCode}`);
    }
    const unchanged = (await c.rep.get(`/api/v1/lead/${row.id}`)).json();
    assert.equal(unchanged.version, row.version);
    assert.equal(unchanged.ownerId, org.userIds.rep);
  });

  it('creates one record for two concurrent requests with the same Idempotency-Key', async () => {
    const key = `idem-${Date.now()}`;
    const send = () => c.rep.request('POST', '/api/v1/lead', { name: '幂等', companyName: `幂等公司-${key}` }, { 'idempotency-key': key });
    const [one, two] = await Promise.all([send(), send()]);
    assert.deepEqual([one.statusCode, two.statusCode].sort(), [200, 201]);
    assert.equal(one.json().id, two.json().id);
    const third = await send();
    assert.equal(third.statusCode, 200);
    assert.equal(third.json().id, one.json().id);
    const made = await sql<{ n: string }>`SELECT count(*) AS n FROM leads WHERE company_name = ${`幂等公司-${key}`}`.execute(t.database.db);
    assert.equal(Number(made.rows[0]!.n), 1);
    const otherUser = await c.peer.request('POST', '/api/v1/lead', { name: '幂等', companyName: `幂等公司-${key}` }, { 'idempotency-key': key });
    assert.equal(otherUser.statusCode, 201, 'keys are per user');
  });

  it('answers one result per id in batch update, transfer and delete, failing the invisible ones', async () => {
    const mine = [await lead(c.rep), await lead(c.rep)];
    const peers = await lead(c.peer);
    const missing = '00000000-0000-4000-8000-000000000001';
    const ids = [mine[0]!.id, peers.id, mine[1]!.id, missing];
    const outcome = (res: Awaited<ReturnType<Client['post']>>) => res.json().results.map((r: { id: string; ok: boolean }) => [r.id, r.ok]);

    const updated = await c.rep.post('/api/v1/lead/batch/update', { ids, values: { title: '批量职务' } });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(outcome(updated), [[ids[0], true], [peers.id, false], [ids[2], true], [missing, false]]);
    assert.equal(updated.json().results[1].error.code, 'not_found', 'an invisible record is not found, not forbidden');
    assert.equal((await c.peer.get(`/api/v1/lead/${peers.id}`)).json().title, null, 'the peer\'s record is untouched');
    assert.equal((await c.rep.post('/api/v1/lead/batch/update', { ids: [mine[0]!.id], values: { ownerId: org.userIds.peer } })).json().results[0].ok, false);

    const moved = await c.rep.post('/api/v1/lead/batch/transfer', { ids, ownerId: org.userIds.manager });
    assert.deepEqual(outcome(moved), [[ids[0], true], [peers.id, false], [ids[2], true], [missing, false]]);
    assert.equal((await c.manager.get(`/api/v1/lead/${mine[0]!.id}`)).json().ownerId, org.userIds.manager);

    const deleted = await c.manager.post('/api/v1/lead/batch/delete', { ids });
    assert.deepEqual(outcome(deleted), [[ids[0], true], [peers.id, false], [ids[2], true], [missing, false]]);
    assert.equal((await c.peer.get(`/api/v1/lead/${peers.id}`)).statusCode, 200);
  });

  it('caps the list total at 10,000 and says so', async () => {
    await sql`INSERT INTO leads (tenant_id, name, company_name, owner_id, department_id, created_by)
      SELECT ${org.tenantId}::uuid, '批量' || g, '批量公司', ${org.userIds.admin}::uuid, NULL, ${org.userIds.admin}::uuid
      FROM generate_series(1, 10001) AS g`.execute(t.database.db);
    const res = await c.admin.get('/api/v1/lead?pageSize=10&filter=' + encodeURIComponent(JSON.stringify({ field: 'companyName', op: 'eq', value: '批量公司' })));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().total, 10_000);
    assert.equal(res.json().totalCapped, true);
    assert.equal(res.json().items.length, 10);
    const few = await c.admin.get('/api/v1/lead?filter=' + encodeURIComponent(JSON.stringify({ field: 'name', op: 'eq', value: '批量77' })));
    assert.deepEqual([few.json().total, few.json().totalCapped], [1, false]);
  });
});

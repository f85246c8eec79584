import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql, type RawBuilder } from 'kysely';
import { startTestApp, type Client, type TestApp } from './support/app';
import { signedInOrg, type createOrg, type Seat } from './support/org';
import { PDF, PNG, uploadFile } from './support/uploads';

type Org = Awaited<ReturnType<typeof createOrg>>;
type Rec = { id: string; version: number } & Record<string, unknown>;

describe('合并客户: merging accounts with everything that hangs on them (§3.5.10)', () => {
  let t: TestApp;
  let org: Org;
  let c: Record<Seat, Client>;
  let outsider: Client;

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
  });
  after(() => t.close());

  const create = async (client: Client, object: string, values: Record<string, unknown>): Promise<Rec> => {
    const res = await client.post(`/api/v1/${object}`, values);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    assert.equal(r.statusCode, status, r.body);
    return r;
  };
  const read = async (client: Client, id: string): Promise<Rec> => (await ok(client.get(`/api/v1/account/${id}`))).json() as Rec;
  const db = () => t.database.db;
  const one = async <T>(query: RawBuilder<T>) => (await query.execute(db())).rows[0]!;
  const countOf = async (table: string, where: RawBuilder<unknown>) =>
    Number((await one(sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE tenant_id = ${org.tenantId}::uuid AND ${where}`)).n);

  /** Everything that hangs on these accounts, each kind counted once (as the merged account keeps it). */
  const related = async (ids: string[]) => ({
    contacts: await countOf('contacts', sql`account_id = ANY(${ids}::uuid[])`),
    opportunities: await countOf('opportunities', sql`account_id = ANY(${ids}::uuid[])`),
    contracts: await countOf('contracts', sql`account_id = ANY(${ids}::uuid[])`),
    orders: await countOf('orders', sql`account_id = ANY(${ids}::uuid[])`),
    leads: await countOf('leads', sql`converted_account_id = ANY(${ids}::uuid[])`),
    tasks: await countOf('tasks', sql`related_object = 'account' AND related_id = ANY(${ids}::text[])`),
    activities: await countOf('activities', sql`related_object = 'account' AND related_id = ANY(${ids}::text[])`),
    files: Number((await one(sql<{ n: string }>`SELECT count(DISTINCT file_id) AS n FROM record_files
      WHERE tenant_id = ${org.tenantId}::uuid AND object = 'account' AND record_id = ANY(${ids}::uuid[])`)).n),
  });

  /** Three accounts of the rep with related records of every kind; the middle one is the oldest. */
  async function threeAccounts(tag: string) {
    const a = await create(c.rep, 'account', { name: `${tag}甲公司`, phone: '010-11111111', level: '普通客户', industry: '制造业' });
    const b = await create(c.rep, 'account', { name: `${tag}甲公司（北京）`, phone: '010-22222222', level: '普通客户', website: 'https://b.example.cn' });
    const cc = await create(c.rep, 'account', { name: `${tag}甲公司 分公司`, phone: '010-33333333', level: '重点客户' });
    await sql`UPDATE accounts SET created_at = '2021-03-04T05:06:07Z', created_by = ${org.userIds.admin}::uuid WHERE id = ${b.id}::uuid`.execute(db());
    await sql`UPDATE accounts SET created_at = '2022-01-01T00:00:00Z' WHERE id = ${a.id}::uuid`.execute(db());

    await create(c.rep, 'contact', { name: '甲一', accountId: a.id });
    await create(c.rep, 'opportunity', { name: '甲机会', accountId: a.id });
    await ok(c.rep.put(`/api/v1/account/${a.id}/team/${org.userIds.teamRead}`, { access: 'read' }), 204);

    const bContact = await create(c.rep, 'contact', { name: '乙一', accountId: b.id });
    await create(c.admin, 'contact', { name: '乙二（李同事的）', accountId: b.id, ownerId: org.userIds.peer });
    await create(c.rep, 'opportunity', { name: '乙赢单', accountId: b.id, stage: '赢单' });
    await create(c.rep, 'contract', { title: '乙合同', accountId: b.id, amount: '5000.00' });
    await create(c.rep, 'order', { accountId: b.id, amount: '1200.50' });
    await ok(c.rep.post(`/api/v1/account/${b.id}/tasks`, { subject: '回访乙' }), 201);
    await ok(c.rep.post(`/api/v1/account/${b.id}/activities`, { type: '电话', content: '乙：约了拜访' }), 201);
    await ok(uploadFile(t, c.rep, `/api/v1/account/${b.id}/files`, '乙报价单.pdf', PDF, 'application/pdf'), 201);
    await ok(c.rep.put(`/api/v1/account/${b.id}/team/${org.userIds.teamRead}`, { access: 'write' }), 204);
    await ok(c.rep.put(`/api/v1/account/${b.id}/team/${org.userIds.teamWrite}`, { access: 'read' }), 204);
    const lead = await create(c.rep, 'lead', { name: '丙线索', companyName: `${tag}甲公司（北京）` });
    await ok(c.rep.post(`/api/v1/lead/${lead.id}/convert`, { account: { mergeInto: b.id }, contact: { values: { name: '丙线索' } } }));

    await create(c.rep, 'contact', { name: '丙一', accountId: cc.id });
    await ok(c.rep.post(`/api/v1/account/${cc.id}/tasks`, { subject: '丙任务' }), 201);
    await ok(c.rep.post(`/api/v1/account/${cc.id}/activities`, { type: '拜访', content: '丙：拜访了' }), 201);
    await ok(uploadFile(t, c.rep, `/api/v1/account/${cc.id}/files`, '丙名片.png', PNG, 'image/png'), 201);
    await ok(c.rep.put(`/api/v1/account/${cc.id}/team/${org.userIds.teamRead}`, { access: 'read' }), 204);

    return { a: await read(c.rep, a.id), b: await read(c.rep, b.id), c: await read(c.rep, cc.id), lead, bContact };
  }

  const versions = (...records: Rec[]) => Object.fromEntries(records.map((r) => [r.id, r.version]));

  it('moves every related record to the master once, keeps the chosen values and the earliest creation date, deletes the others and logs it', async () => {
    const { a, b, c: cc, lead, bContact } = await threeAccounts('合并');
    const ids = [a.id, b.id, cc.id];
    const before = await related(ids);
    assert.deepEqual(before, { contacts: 5, opportunities: 2, contracts: 1, orders: 1, leads: 1, tasks: 2, activities: 2, files: 2 });

    const preview = (await ok(c.rep.get(`/api/v1/account/merge-preview?ids=${ids.join(',')}`))).json() as {
      accounts: { record: Rec; related: Record<string, number> }[]; fields: { key: string; differs: boolean }[];
    };
    assert.deepEqual(preview.accounts.map((x) => x.record.id), ids);
    assert.equal(preview.accounts[1]!.related.contact, 3);
    assert.equal(preview.accounts[1]!.related.lead, 1);
    assert.equal(preview.accounts[1]!.related.team, 2);
    const differs = Object.fromEntries(preview.fields.map((f) => [f.key, f.differs]));
    assert.equal(differs.name, true);
    assert.equal(differs.phone, true);
    assert.equal(differs.region, false);
    assert.ok(!('ownerId' in differs) && !('createdAt' in differs), 'the owner and system fields are not chosen');

    const res = await ok(c.rep.post('/api/v1/account/merge', {
      masterId: a.id, otherIds: [b.id, cc.id],
      values: { phone: b.phone, level: '重点客户', website: b.website },
      versions: versions(a, b, cc),
    }));
    const result = res.json() as { account: Rec; merged: { id: string; name: string }[]; moved: Record<string, number> };
    assert.deepEqual(result.merged.map((m) => m.id), [b.id, cc.id]);
    assert.equal(result.moved.contact, 4);
    assert.equal(result.moved.team, 1, 'teamWrite joins; teamRead was already there');

    // Nothing lost, nothing duplicated.
    assert.deepEqual(await related([a.id]), before);
    assert.deepEqual(await related([b.id, cc.id]), { contacts: 0, opportunities: 0, contracts: 0, orders: 0, leads: 0, tasks: 0, activities: 0, files: 0 });
    const team = (await sql<{ user_id: string; access: string }>`SELECT user_id, access FROM record_team_members
      WHERE tenant_id = ${org.tenantId}::uuid AND object = 'account' AND record_id = ANY(${ids}::uuid[]) ORDER BY user_id`.execute(db())).rows;
    assert.deepEqual(
      team.map((m) => `${m.user_id}:${m.access}`).sort(),
      [`${org.userIds.teamRead}:write`, `${org.userIds.teamWrite}:read`].sort(),
      'the overlapping member is kept once, with the stronger right',
    );
    assert.equal((await one(sql<{ id: string }>`SELECT converted_account_id AS id FROM leads WHERE id = ${lead.id}::uuid`)).id, a.id);
    const contact = (await ok(c.rep.get(`/api/v1/contact/${bContact.id}`))).json() as Rec;
    assert.equal(contact.accountId, a.id);
    assert.equal(contact.version, 2, 'a moved record gets a new version');

    // The survivor: its name, the chosen values, the earliest creation date and creator.
    const merged = await read(c.rep, a.id);
    assert.equal(merged.name, a.name);
    assert.equal(merged.phone, '010-22222222');
    assert.equal(merged.level, '重点客户');
    assert.equal(merged.website, 'https://b.example.cn');
    assert.equal(merged.industry, '制造业');
    assert.equal(merged.createdAt, '2021-03-04T05:06:07.000Z');
    assert.equal(merged.createdBy, org.userIds.admin);
    assert.equal(merged.ownerId, org.userIds.rep);
    const feed = (await ok(c.rep.get(`/api/v1/account/${a.id}/activities`))).json() as { items: { content: string }[] };
    assert.equal(feed.items.filter((i) => /乙：|丙：/.test(i.content)).length, 2, 'the others\' 动态 show on the survivor');
    const tasks = (await ok(c.rep.get(`/api/v1/account/${a.id}/tasks`))).json() as { items: { subject: string }[] };
    assert.deepEqual(tasks.items.map((x) => x.subject).sort(), ['丙任务', '回访乙'].sort());
    const files = (await ok(c.rep.get(`/api/v1/account/${a.id}/files`))).json() as { items: { fileName: string }[] };
    assert.deepEqual(files.items.map((f) => f.fileName).sort(), ['丙名片.png', '乙报价单.pdf'].sort());

    // The others are gone.
    await ok(c.rep.get(`/api/v1/account/${b.id}`), 404);
    await ok(c.admin.get(`/api/v1/account/${cc.id}`), 404);

    // The operation log: the merge on the survivor naming what was merged, a delete for each other.
    const log = (await sql<{ record_id: string; action: string; changes: { field: string; new: unknown }[] }>`SELECT record_id, action, changes FROM audit_log
      WHERE tenant_id = ${org.tenantId}::uuid AND object_type = 'account' AND record_id = ANY(${ids}) ORDER BY id`.execute(db())).rows;
    const mergeEntry = log.find((e) => e.record_id === a.id && e.action === 'merge');
    assert.ok(mergeEntry, 'a merge entry on the survivor');
    assert.deepEqual((mergeEntry.changes[0]!.new as { accounts: { id: string }[] }).accounts.map((x) => x.id), [b.id, cc.id]);
    for (const id of [b.id, cc.id]) assert.ok(log.some((e) => e.record_id === id && e.action === 'delete'), `a delete entry for ${id}`);
    const history = (await ok(c.rep.get(`/api/v1/account/${a.id}/history`))).json() as { items: { action: string; changes: { label: string; newText: string | null }[] }[] };
    const line = history.items.find((i) => i.action === 'merge')!.changes[0]!;
    assert.equal(line.label, '合并的记录');
    assert.equal(line.newText, `${b.name}、${cc.name}`);
    assert.ok(history.items.some((i) => i.action === 'update' && i.changes.some((ch) => ch.label === '电话')), 'the chosen values are logged as an edit');
    const contactLog = await countOf('audit_log', sql`object_type = 'contact' AND record_id = ${bContact.id} AND action = 'merge'`);
    assert.equal(contactLog, 1, 'each moved record logs its new account');
  });

  it('a concurrent edit of an account being merged away answers 404 once the merge commits, never a lost write', async () => {
    const a = await create(c.rep, 'account', { name: '并发主客户' });
    const b = await create(c.rep, 'account', { name: '并发被合并客户' });
    // Hold B so that both the merge and the edit queue for it, the merge first.
    const holder = await t.database.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [b.id]);
      const waiting = async (n: number) => {
        for (let i = 0; i < 200; i++) {
          const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
          if (rows[0].n >= n) return;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error(`never ${n} waiting`);
      };
      const merge = c.rep.post('/api/v1/account/merge', { masterId: a.id, otherIds: [b.id], values: { remark: '合并后' }, versions: versions(a, b) });
      await waiting(1);
      const edit = c.rep.patch(`/api/v1/account/${b.id}`, { remark: '并发的修改', version: b.version });
      await waiting(2);
      await holder.query('ROLLBACK');
      const [m, e] = await Promise.all([merge, edit]);
      assert.equal(m.statusCode, 200, m.body);
      assert.ok(e.statusCode === 404 || e.statusCode === 409, `the edit is refused: ${e.statusCode} ${e.body}`);
    } finally {
      holder.release();
    }
    assert.equal(await countOf('accounts', sql`remark = '并发的修改'`), 0);
    assert.equal((await read(c.rep, a.id)).remark, '合并后');
  });

  it('refuses stale versions, accounts the caller cannot manage, one account and unknown fields, changing nothing', async () => {
    const a = await create(c.rep, 'account', { name: '拒绝主客户' });
    const b = await create(c.rep, 'account', { name: '拒绝被合并' });
    await create(c.rep, 'contact', { name: '拒绝联系人', accountId: b.id });
    const peers = await create(c.peer, 'account', { name: '李同事的客户' });
    await ok(c.rep.put(`/api/v1/account/${b.id}/team/${org.userIds.teamWrite}`, { access: 'write' }), 204);
    const snapshot = async () => ({
      accounts: await countOf('accounts', sql`id = ANY(${[a.id, b.id, peers.id]}::uuid[])`),
      versions: (await sql<{ v: number }>`SELECT version AS v FROM accounts WHERE id = ANY(${[a.id, b.id, peers.id]}::uuid[]) ORDER BY id`.execute(db())).rows.map((r) => r.v),
      related: await related([a.id, b.id, peers.id]),
      audit: await countOf('audit_log', sql`true`),
    });
    const start = await snapshot();
    const body = (over: Record<string, unknown> = {}) => ({ masterId: a.id, otherIds: [b.id], values: {}, versions: versions(a, b), ...over });

    const stale = await c.rep.post('/api/v1/account/merge', body({ versions: { [a.id]: a.version, [b.id]: b.version + 1 } }));
    assert.equal(stale.statusCode, 409, stale.body);
    assert.match(stale.json().error.message, /拒绝被合并/);
    assert.equal((await c.rep.post('/api/v1/account/merge', body({ versions: { [a.id]: a.version } }))).statusCode, 400);
    // The rep cannot see the peer's account; a team member may edit B but not manage it; the outsider sees nothing.
    assert.equal((await c.rep.post('/api/v1/account/merge', body({ otherIds: [b.id, peers.id], versions: versions(a, b, peers) }))).statusCode, 404);
    for (const masterId of [a.id, b.id]) {
      const res = await c.teamWrite.post('/api/v1/account/merge', body({ masterId, otherIds: [masterId === a.id ? b.id : a.id] }));
      assert.ok([403, 404].includes(res.statusCode), res.body);
    }
    assert.equal((await c.teamWrite.get(`/api/v1/account/merge-preview?ids=${b.id},${b.id}`)).statusCode, 400);
    assert.equal((await outsider.post('/api/v1/account/merge', body())).statusCode, 404);
    // One account, the master among the others, a field that follows the master.
    assert.equal((await c.rep.post('/api/v1/account/merge', body({ otherIds: [] }))).statusCode, 400);
    assert.equal((await c.rep.post('/api/v1/account/merge', body({ otherIds: [a.id] }))).statusCode, 400);
    assert.equal((await c.rep.get(`/api/v1/account/merge-preview?ids=${a.id}`)).statusCode, 400);
    const owner = await c.rep.post('/api/v1/account/merge', body({ values: { ownerId: org.userIds.peer } }));
    assert.equal(owner.statusCode, 400, owner.body);
    const bad = await c.rep.post('/api/v1/account/merge', body({ values: { phone: 'not a phone' } }));
    assert.equal(bad.statusCode, 400, bad.body);
    assert.deepEqual(await snapshot(), start);
  });

  it('a team member with write rights may read but not merge: 403 for an account they can see', async () => {
    const a = await create(c.teamWrite, 'account', { name: '吴的客户' });
    const b = await create(c.rep, 'account', { name: '孙的客户（吴可编辑）' });
    await ok(c.rep.put(`/api/v1/account/${b.id}/team/${org.userIds.teamWrite}`, { access: 'write' }), 204);
    const res = await c.teamWrite.post('/api/v1/account/merge', { masterId: a.id, otherIds: [b.id], values: {}, versions: versions(a, b) });
    assert.equal(res.statusCode, 403, res.body);
    await read(c.rep, b.id);
    await read(c.teamWrite, a.id);
  });

  it('two merges over the same accounts in opposite directions: one wins, the other finds its accounts gone, no deadlock', async () => {
    const a = await create(c.rep, 'account', { name: '互并甲' });
    const b = await create(c.rep, 'account', { name: '互并乙' });
    await create(c.rep, 'contact', { name: '互并联系人', accountId: b.id });
    const [x, y] = await Promise.all([
      c.rep.post('/api/v1/account/merge', { masterId: a.id, otherIds: [b.id], values: {}, versions: versions(a, b) }),
      c.manager.post('/api/v1/account/merge', { masterId: b.id, otherIds: [a.id], values: {}, versions: versions(a, b) }),
    ]);
    const codes = [x.statusCode, y.statusCode].sort();
    assert.equal(codes[0], 200, `${x.body} ${y.body}`);
    assert.ok([404, 409].includes(codes[1]!), `${x.body} ${y.body}`);
    assert.equal(await countOf('accounts', sql`id = ANY(${[a.id, b.id]}::uuid[])`), 1);
    assert.equal((await related([a.id, b.id])).contacts, 1);
  });

  it('describes the account routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ours = ['/api/v1/account/merge', '/api/v1/account/merge-preview', '/api/v1/account/transfer-relations', '/api/v1/account/{id}/transfer-with-related',
      '/api/v1/account/batch/transfer-with-related', '/api/v1/account/opportunity-marks'];
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => ours.includes(p)));
    assert.deepEqual(Object.keys(paths).sort(), [...ours].sort());
    await SwaggerParser.validate({ ...doc, paths });
  });

  it('marks the accounts of a list page that have opportunities the caller may open (§3.5.5)', async () => {
    const withOne = await create(c.rep, 'account', { name: '有机会的客户' });
    const without = await create(c.rep, 'account', { name: '没有机会的客户' });
    await create(c.rep, 'opportunity', { name: '孙的机会', accountId: withOne.id });
    await create(c.admin, 'opportunity', { name: '李同事的机会', accountId: withOne.id, ownerId: org.userIds.peer });
    const marks = async (client: Client) => {
      const res = await client.post('/api/v1/account/opportunity-marks', { ids: [withOne.id, without.id] });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().marks as { id: string; count: number }[];
    };
    assert.deepEqual(await marks(c.rep), [{ id: withOne.id, count: 1 }], 'the peer\'s opportunity is not the rep\'s to open');
    assert.deepEqual(await marks(c.admin), [{ id: withOne.id, count: 2 }]);
    assert.deepEqual(await marks(c.peer), [], 'no marks on accounts the caller cannot see');
    assert.deepEqual(await marks(outsider), []);
  });
});

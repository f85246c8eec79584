import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { sweepTenant } from '../src/objects/pool/recycle';
import { createUser } from '../src/platform/org/users';
import { signIn, startTestApp, TEST_PASSWORD, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';

type Result = { id: string; ok: boolean; error?: { code: string; message: string } };

describe('客户公海池: the pool engine over accounts (§3.4, §3.5.11, §3.5.12)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let poolAdmin: Client;
  const reps: { id: string; client: Client }[] = [];
  let north: string;

  const settings = (body: Record<string, unknown>) => ({
    everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false,
    recycleIdleDays: null, recycleUnconvertedDays: null, ...body,
  });
  const createGroup = async (name: string, members: { userId: string; isAdmin: boolean }[], body: Record<string, unknown> = {}) => {
    const res = await c.admin.post('/api/v1/pools/account/groups', settings({ name, ...body }));
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    assert.equal((await c.admin.put(`/api/v1/pools/account/groups/${id}/members`, { members })).statusCode, 200);
    return id;
  };
  const inPool = async (client: Client, groupId: string, name: string) => {
    const res = await client.post('/api/v1/pools/account/records', { name, phone: '010-12345678', poolGroupId: groupId });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; ownerId: string | null; poolState: string };
  };
  const batch = async (client: Client, action: string, body: Record<string, unknown>) => {
    const res = await client.post(`/api/v1/pools/account/batch/${action}`, body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().results as Result[];
  };
  const account = (id: string) => sql<{ owner_id: string | null; pool_state: string; returned_count: number; pool_group_id: string | null; claimed_at: Date | null; version: number }>`
    SELECT owner_id, pool_state, returned_count, pool_group_id, claimed_at, version FROM accounts WHERE id = ${id}::uuid`.execute(t.database.db).then((r) => r.rows[0]!);
  const events = (id: string) => t.database.db.selectFrom('record_events').selectAll().where('record_id', '=', id).orderBy('id').execute();
  const member = (userId: string, isAdmin = false) => ({ userId, isAdmin });

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    const db = t.database.db;
    const dept = await db.selectFrom('users').select('department_id').where('id', '=', org.userIds.rep).executeTakeFirstOrThrow();
    const role = (key: string) => db.selectFrom('roles').select('id').where('tenant_id', '=', org.tenantId).where('key', '=', key).executeTakeFirstOrThrow();
    const repRole = await role('rep');
    for (let i = 0; i < 10; i++) {
      const login = `acctrep${i}_${org.tenantId.slice(0, 8)}`;
      const user = await createUser(db, org.tenantId, { login, name: `客户代表${i}`, password: TEST_PASSWORD, departmentId: dept.department_id!, superiorId: null, roleIds: [repRole.id] });
      reps.push({ id: user.id, client: await signIn(t, login) });
    }
    const poolAdminLogin = `acctpooladmin_${org.tenantId.slice(0, 8)}`;
    await createUser(db, org.tenantId, { login: poolAdminLogin, name: '公海管理员', password: TEST_PASSWORD, departmentId: dept.department_id!, superiorId: null, roleIds: [(await role('pool_admin')).id] });
    poolAdmin = await signIn(t, poolAdminLogin);
    north = await createGroup('华北客户池', [...reps.map((r) => member(r.id)), member(org.userIds.manager, true), member(org.userIds.rep)]);
  });
  after(() => t.close());

  it('accounts created outside the pool join the default group, held by their creator; 全部分组 lists only the groups one belongs to', async () => {
    const own = await c.rep.post('/api/v1/account', { name: '自建客户有限公司' });
    assert.equal(own.statusCode, 201, own.body);
    const defaults = (await c.rep.get('/api/v1/pools/account/groups')).json().items as { id: string; name: string; isDefault: boolean }[];
    assert.deepEqual(defaults.map((g) => [g.name, g.isDefault]), [['默认客户池', true], ['华北客户池', false]]);
    assert.equal(own.json().poolGroupId, defaults[0]!.id);
    assert.deepEqual(await account(own.json().id).then((a) => [a.owner_id, a.pool_state]), [org.userIds.rep, 'held']);
    // 李同事 belongs to the default group only; the administrator sees every group.
    assert.deepEqual(((await c.peer.get('/api/v1/pools/account/groups')).json().items as { name: string }[]).map((g) => g.name), ['默认客户池']);
    assert.deepEqual(((await poolAdmin.get('/api/v1/pools/account/groups')).json().items as { name: string }[]).map((g) => g.name), ['默认客户池', '华北客户池']);
    // The lead pool's groups are not the account pool's.
    assert.ok(!((await c.rep.get('/api/v1/pools/lead/groups')).json().items as { name: string }[]).some((g) => g.name === '华北客户池'));
  });

  it('50 concurrent claims of one account by 10 reps: one owner, one claim in the pool log, the others told who holds it', async () => {
    const { id, poolState } = await inPool(c.manager, north, '抢手客户有限公司');
    assert.equal(poolState, 'pool');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => reps[i % 10]!.client.post('/api/v1/pools/account/batch/claim', { ids: [id] })));
    const results = answers.map((a) => a.json().results[0] as Result);
    assert.equal(results.filter((r) => r.ok).length, 1);
    const row = await account(id);
    const winner = reps.find((r) => r.id === row.owner_id);
    assert.ok(winner, 'one of the reps holds it');
    assert.equal(row.pool_state, 'held');
    assert.ok(row.claimed_at);
    const name = (await t.database.db.selectFrom('users').select('name').where('id', '=', winner.id).executeTakeFirstOrThrow()).name;
    for (const r of results.filter((x) => !x.ok)) assert.match(r.error!.message, new RegExp(`已被 ${name} 领取`));
    assert.deepEqual((await events(id)).map((e) => e.kind), ['create_in_pool', 'claim']);
    // The winner now finds it among their own accounts.
    assert.ok((await winner.client.get('/api/v1/account?view=mine')).json().items.some((a: { id: string }) => a.id === id));
  });

  it('assign, recycle, abandon, restore, change group and delete, each in the pool log', async () => {
    const assignOnly = await createGroup('分配客户池', [member(org.userIds.rep), member(org.userIds.manager, true)], { claimMode: 'assign' });
    const { id } = await inPool(c.manager, assignOnly, '待分配客户有限公司');
    assert.equal((await batch(c.rep, 'claim', { ids: [id] }))[0]!.error!.code, 'forbidden');
    assert.match((await batch(c.manager, 'assign', { ids: [id], userId: org.userIds.peer }))[0]!.error!.message, /不是该公海分组的成员/);
    assert.equal((await batch(c.manager, 'assign', { ids: [id], userId: org.userIds.rep }))[0]!.ok, true);
    assert.equal((await account(id)).owner_id, org.userIds.rep);
    assert.equal((await batch(c.manager, 'recycle', { ids: [id] }))[0]!.ok, true);
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_state, a.returned_count]), [null, 'pool', 1]);
    assert.equal((await batch(c.manager, 'abandon', { ids: [id], reason: '已注销' }))[0]!.ok, true);
    assert.equal((await account(id)).pool_state, 'abandoned');
    assert.ok(!(await c.rep.get(`/api/v1/pools/account/records?groupId=${assignOnly}`)).json().items.some((a: { id: string }) => a.id === id));
    assert.ok((await c.rep.get(`/api/v1/pools/account/records?groupId=${assignOnly}&all=true`)).json().items.some((a: { id: string }) => a.id === id));
    assert.equal((await batch(c.rep, 'restore', { ids: [id] }))[0]!.ok, false, 'only the group administrator restores');
    assert.equal((await batch(c.manager, 'restore', { ids: [id] }))[0]!.ok, true);
    assert.equal((await batch(c.rep, 'change-group', { ids: [id], groupId: north }))[0]!.ok, false);
    assert.equal((await batch(c.manager, 'change-group', { ids: [id], groupId: north }))[0]!.ok, true);
    assert.equal((await account(id)).pool_group_id, north);
    assert.deepEqual((await events(id)).map((e) => e.kind), ['create_in_pool', 'assign', 'recycle', 'abandon', 'restore', 'change_group']);
    const log = (await c.manager.get(`/api/v1/pools/account/events?recordId=${id}`)).json().items;
    assert.equal(log[0].toGroupName, '华北客户池');
    assert.equal(log.find((e: { kind: string }) => e.kind === 'abandon').detail.reason, '已注销');

    const doomed = await inPool(c.manager, assignOnly, '待删除客户有限公司');
    assert.equal((await c.rep.delete(`/api/v1/account/${doomed.id}`)).statusCode, 403, 'a member reads it but may not delete it');
    assert.equal((await c.manager.delete(`/api/v1/account/${doomed.id}`)).statusCode, 204);
    const deleted = (await c.manager.get(`/api/v1/pools/account/events?recordId=${doomed.id}`)).json().items[0];
    assert.deepEqual([deleted.kind, deleted.recordName], ['delete', '待删除客户有限公司']);
  });

  it('non-members see none of a group’s accounts through the list, details, search, export or any pool route', async () => {
    const secret = await createGroup('机密客户池', [member(org.userIds.manager, true)]);
    const { id } = await inPool(c.manager, secret, '机密客户甲有限公司');
    for (const client of [c.peer, c.rep, reps[0]!.client, outsider]) {
      assert.equal((await client.get(`/api/v1/account/${id}`)).statusCode, 404);
      assert.ok(!(await client.get('/api/v1/account?pageSize=200')).json().items.some((a: { id: string }) => a.id === id));
      assert.ok(!(await client.get('/api/v1/pools/account/records?pageSize=200&all=true')).json().items.some((a: { id: string }) => a.id === id));
      assert.equal((await client.get(`/api/v1/pools/account/records?groupId=${secret}`)).json().items.length, 0);
      assert.ok(!(await client.get(`/api/v1/search?q=${encodeURIComponent('机密客户甲')}`)).body.includes(id));
      assert.ok(!(await client.get('/api/v1/account/export')).body.includes('机密客户甲'));
      assert.ok(!(await client.get(`/api/v1/pools/account/events?groupId=${secret}`)).body.includes(id));
      assert.ok(!(await client.get('/api/v1/pools/account/events')).body.includes(id));
      assert.equal((await client.get(`/api/v1/pools/account/records/${id}/pool-status`)).statusCode, 404);
      assert.equal((await client.get(`/api/v1/pools/account/groups/${secret}`)).statusCode, 404);
      for (const action of ['claim', 'abandon', 'return', 'recycle']) {
        assert.equal((await client.post(`/api/v1/pools/account/batch/${action}`, { ids: [id] })).json().results[0].ok, false, action);
      }
    }
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_state]), [null, 'pool'], 'nothing changed');
    // The same routes show it to the group's member: the checks above can fail.
    assert.equal((await c.manager.get(`/api/v1/account/${id}`)).statusCode, 200);
    assert.ok((await c.manager.get(`/api/v1/pools/account/records?groupId=${secret}`)).json().items.some((a: { id: string }) => a.id === id));
    assert.ok((await c.manager.get(`/api/v1/search?q=${encodeURIComponent('机密客户甲')}`)).body.includes(id));
    assert.ok((await c.manager.get('/api/v1/account/export')).body.includes('机密客户甲'));
    assert.ok((await c.manager.get(`/api/v1/pools/account/events?groupId=${secret}`)).body.includes(id));
  });

  it('§3.5.11 回退: without 允许组内成员改变公海客户的分组 a rep returns an account only to its own group; with it, to another group of theirs', async () => {
    const home = await createGroup('回退原组', [member(org.userIds.rep), member(org.userIds.manager, true)]);
    const other = await createGroup('回退他组', [member(org.userIds.rep)]);
    const foreign = await createGroup('回退外组', [member(org.userIds.manager)]);
    const { id } = await inPool(c.manager, home, '回退测试客户有限公司');
    assert.equal((await batch(c.rep, 'claim', { ids: [id] }))[0]!.ok, true);

    const refused = (await batch(c.rep, 'return', { ids: [id], groupId: other }))[0]!;
    assert.equal(refused.ok, false);
    assert.match(refused.error!.message, /不允许成员改变分组/);
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_group_id]), [org.userIds.rep, home], 'a refused return changes nothing');
    assert.equal((await batch(c.rep, 'return', { ids: [id], reason: '预算冻结' }))[0]!.ok, true);
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_state, a.pool_group_id, a.returned_count]), [null, 'pool', home, 1]);

    // The group now lets its members move accounts: the rep returns it to another group they belong to.
    const group = (await c.admin.get(`/api/v1/pools/account/groups/${home}`)).json();
    const patched = await c.admin.patch(`/api/v1/pools/account/groups/${home}`, { ...settings({ name: '回退原组', membersMayMove: true }), version: group.version });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal((await batch(c.rep, 'claim', { ids: [id] }))[0]!.ok, true);
    assert.match((await batch(c.rep, 'return', { ids: [id], groupId: foreign }))[0]!.error!.message, /公海分组不存在/, 'never to a group the rep is not in');
    assert.equal((await batch(c.rep, 'return', { ids: [id], groupId: other }))[0]!.ok, true);
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_group_id, a.returned_count]), [null, other, 2]);
    const back = (await events(id)).filter((e) => e.kind === 'return');
    assert.deepEqual(back.map((e) => [e.from_group_id, e.to_group_id, (e.detail as { reason?: string }).reason ?? null]), [[home, home, '预算冻结'], [home, other, null]]);
  });

  it('退回公海池 from the account list: several at once, each answering for itself', async () => {
    const mine = [];
    for (const name of ['批量退回甲有限公司', '批量退回乙有限公司']) {
      const res = await reps[1]!.client.post('/api/v1/account', { name, poolGroupId: north });
      assert.equal(res.statusCode, 201, res.body);
      mine.push(res.json().id as string);
    }
    const claimed = await inPool(c.manager, north, '批量退回丙有限公司');
    assert.equal((await batch(reps[1]!.client, 'claim', { ids: [claimed.id] }))[0]!.ok, true);
    const unheld = await inPool(c.manager, north, '批量退回丁有限公司');
    const othersAccount = (await c.peer.post('/api/v1/account', { name: '别人的客户有限公司' })).json().id as string;

    const results = await batch(reps[1]!.client, 'return', { ids: [...mine, claimed.id, unheld.id, othersAccount], reason: '批量清理' });
    assert.deepEqual(results.map((r) => r.ok), [true, true, true, false, false]);
    // An account waiting in the pool is not the rep's to return; one the rep cannot see stays hidden.
    assert.deepEqual([results[3]!.error!.code, results[4]!.error!.code], ['not_found', 'not_found']);
    assert.deepEqual(await account(unheld.id).then((a) => [a.owner_id, a.pool_state, a.returned_count]), [null, 'pool', 0]);
    for (const id of [...mine, claimed.id]) {
      assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_state, a.pool_group_id, a.returned_count]), [null, 'pool', north, 1]);
    }
    assert.equal((await account(othersAccount)).owner_id, org.userIds.peer);
    // Back in the pool list, where a colleague claims one.
    const listed = (await reps[2]!.client.get(`/api/v1/pools/account/records?groupId=${north}&pageSize=200`)).json().items as { id: string }[];
    assert.ok(mine.every((id) => listed.some((a) => a.id === id)));
    assert.equal((await batch(reps[2]!.client, 'claim', { ids: [mine[0]!] }))[0]!.ok, true);
  });

  it('an account’s contacts go with it to whoever claims it from the pool', async () => {
    const made = (await reps[3]!.client.post('/api/v1/account', { name: '带联系人客户有限公司', poolGroupId: north })).json() as { id: string };
    const contact = await reps[3]!.client.post('/api/v1/contact', { name: '钱采购', accountId: made.id, title: '采购经理' });
    assert.equal(contact.statusCode, 201, contact.body);
    assert.equal((await batch(reps[3]!.client, 'return', { ids: [made.id] }))[0]!.ok, true);
    assert.equal((await batch(reps[4]!.client, 'claim', { ids: [made.id] }))[0]!.ok, true);
    const moved = await reps[4]!.client.get(`/api/v1/contact/${contact.json().id}`);
    assert.equal(moved.statusCode, 200, 'the new holder opens the contact');
    assert.equal(moved.json().ownerId, reps[4]!.id);
    assert.equal((await reps[3]!.client.get(`/api/v1/contact/${contact.json().id}`)).statusCode, 404, 'the former holder no longer sees it');
    const log = await t.database.db.selectFrom('audit_log').select(['action', 'changes']).where('record_id', '=', contact.json().id).where('action', '=', 'transfer').execute();
    assert.deepEqual(log.map((l) => l.changes), [[{ field: 'ownerId', old: reps[3]!.id, new: reps[4]!.id }]]);
  });

  it('the 未成交 rule recycles accounts without a won opportunity; won accounts stay and no longer count towards the limit', async () => {
    const timed = await createGroup('限时客户池', [member(org.userIds.rep), member(org.userIds.manager, true)], { recycleUnconvertedDays: 5, maxHeld: 2 });
    const quiet = await inPool(c.manager, timed, '未成交客户有限公司');
    const won = await inPool(c.manager, timed, '已成交客户有限公司');
    assert.equal((await batch(c.rep, 'claim', { ids: [quiet.id, won.id] })).every((r) => r.ok), true);
    const third = await inPool(c.manager, timed, '第三家客户有限公司');
    assert.match((await batch(c.rep, 'claim', { ids: [third.id] }))[0]!.error!.message, /最多持有 2 条/);

    const opportunity = await c.rep.post('/api/v1/opportunity', { name: '成交项目', accountId: won.id, amount: '100000.00', stage: '赢单' });
    assert.equal(opportunity.statusCode, 201, opportunity.body);
    assert.equal((await batch(c.rep, 'claim', { ids: [third.id] }))[0]!.ok, true, 'a won account leaves room under the limit');

    const status = (await c.rep.get(`/api/v1/pools/account/records/${quiet.id}/pool-status`)).json();
    assert.deepEqual([status.recycle.rule, status.recycle.daysLeft], ['unconverted', 5]);
    assert.equal((await c.rep.get(`/api/v1/pools/account/records/${won.id}/pool-status`)).json().recycle, null);
    const notices = () => t.database.db.selectFrom('notifications').select(['title', 'body']).where('user_id', '=', org.userIds.rep).orderBy('created_at').execute();
    const day = 86_400_000;
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'account', new Date(Date.now() + 4.5 * day)), { recycled: 0, warned: 2 });
    assert.match((await notices()).at(-1)!.body, /领取后 5 天未成交.*成交后即可保留/);
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'account', new Date(Date.now() + 5.5 * day)), { recycled: 2, warned: 0 });
    assert.deepEqual(await account(quiet.id).then((a) => [a.owner_id, a.pool_state]), [null, 'pool']);
    assert.deepEqual(await account(won.id).then((a) => [a.owner_id, a.pool_state]), [org.userIds.rep, 'held']);
    assert.equal((await events(quiet.id)).at(-1)!.kind, 'rule_recycle');
  });

  it('§3.5.12 初始化公海池分组: pool administrators put accounts from before pools into a group; accounts already in one are left alone', async () => {
    const made = [];
    for (const name of ['历史客户甲有限公司', '历史客户乙有限公司']) made.push((await c.rep.post('/api/v1/account', { name })).json() as { id: string; poolGroupId: string });
    const grouped = (await c.rep.post('/api/v1/account', { name: '已分组客户有限公司', poolGroupId: north })).json() as { id: string };
    // Accounts from before pools carry no group (the upgrade leaves held accounts so).
    await sql`UPDATE accounts SET pool_group_id = NULL, claimed_at = NULL WHERE id = ANY(${made.map((m) => m.id)}::uuid[])`.execute(t.database.db);
    const ids = [...made.map((m) => m.id), grouped.id];

    assert.equal((await c.rep.post('/api/v1/pools/account/batch/init-group', { ids, groupId: north })).statusCode, 403, 'reps may not');
    assert.equal((await poolAdmin.post('/api/v1/pools/account/batch/init-group', { ids, groupId: '00000000-0000-4000-8000-000000000000' })).statusCode, 400);
    // 公海管理员 sees none of the rep's accounts: nothing to initialise there.
    assert.ok((await poolAdmin.post('/api/v1/pools/account/batch/init-group', { ids, groupId: north })).json().results.every((r: Result) => r.error?.code === 'not_found'));

    const res = await c.admin.post('/api/v1/pools/account/batch/init-group', { ids, groupId: north });
    assert.equal(res.statusCode, 200, res.body);
    const results = res.json().results as Result[];
    assert.deepEqual(results.map((r) => r.ok), [true, true, false]);
    assert.equal(results[2]!.error!.code, 'pool_grouped');
    assert.match(results[2]!.error!.message, /已属于公海分组“华北客户池”/);
    for (const m of made) {
      const row = await account(m.id);
      assert.deepEqual([row.pool_group_id, row.owner_id, row.pool_state], [north, org.userIds.rep, 'held']);
      assert.ok(row.claimed_at, 'the recycle clock starts now');
      const log = await events(m.id);
      assert.deepEqual(log.map((e) => [e.kind, e.to_group_id]), [['init_group', north]]);
    }
    assert.equal((await account(grouped.id)).pool_group_id, north);
    // Now in a group, the account can go back to it.
    assert.equal((await batch(c.rep, 'return', { ids: [made[0]!.id] }))[0]!.ok, true);
    assert.deepEqual(await account(made[0]!.id).then((a) => [a.pool_state, a.pool_group_id]), ['pool', north]);
  });

  it('an account from before pools returned without initialisation goes to the default group', async () => {
    const { id } = (await c.rep.post('/api/v1/account', { name: '无分组退回有限公司' })).json() as { id: string };
    await sql`UPDATE accounts SET pool_group_id = NULL WHERE id = ${id}::uuid`.execute(t.database.db);
    assert.equal((await batch(c.rep, 'return', { ids: [id] }))[0]!.ok, true);
    const fallback = ((await c.rep.get('/api/v1/pools/account/groups')).json().items as { id: string; isDefault: boolean }[]).find((g) => g.isDefault)!;
    assert.deepEqual(await account(id).then((a) => [a.owner_id, a.pool_state, a.pool_group_id]), [null, 'pool', fallback.id]);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../src/platform/org/users';
import { sweepTenant } from '../src/objects/pool/recycle';
import { signIn, startTestApp, TEST_PASSWORD, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';

describe('销售线索公海池: groups, claims, auto-assign, recycling (§3.2)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const reps: { id: string; client: Client }[] = [];
  let groupId: string;

  const group = (body: Record<string, unknown>) => ({
    everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false,
    recycleIdleDays: null, recycleUnconvertedDays: null, ...body,
  });
  const createGroup = async (name: string, members: { userId: string; isAdmin: boolean }[], settings: Record<string, unknown> = {}) => {
    const res = await c.admin.post('/api/v1/pools/lead/groups', group({ name, ...settings }));
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    assert.equal((await c.admin.put(`/api/v1/pools/lead/groups/${id}/members`, { members })).statusCode, 200);
    return id;
  };
  const inPool = async (client: Client, gid: string, name: string, extra: Record<string, unknown> = {}) => {
    const res = await client.post('/api/v1/pools/lead/records', { name, companyName: `${name}公司`, poolGroupId: gid, ...extra });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; ownerId: string | null };
  };
  const lead = (id: string) => sql<{ owner_id: string | null; pool_state: string; returned_count: number; pool_group_id: string }>`
    SELECT owner_id, pool_state, returned_count, pool_group_id FROM leads WHERE id = ${id}::uuid`.execute(t.database.db).then((r) => r.rows[0]!);
  const events = (id: string) => t.database.db.selectFrom('record_events').selectAll().where('record_id', '=', id).orderBy('id').execute();

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    const dept = await t.database.db.selectFrom('users').select('department_id').where('id', '=', org.userIds.rep).executeTakeFirstOrThrow();
    const role = await t.database.db.selectFrom('roles').select('id').where('tenant_id', '=', org.tenantId).where('key', '=', 'rep').executeTakeFirstOrThrow();
    for (let i = 0; i < 10; i++) {
      const login = `poolrep${i}_${org.tenantId.slice(0, 8)}`;
      const user = await createUser(t.database.db, org.tenantId, { login, name: `代表${i}`, password: TEST_PASSWORD, departmentId: dept.department_id!, superiorId: null, roleIds: [role.id] });
      reps.push({ id: user.id, client: await signIn(t, login) });
    }
    groupId = await createGroup('华北线索池', [
      ...reps.map((r) => ({ userId: r.id, isAdmin: false })),
      { userId: org.userIds.manager, isAdmin: true },
      { userId: org.userIds.rep, isAdmin: false },
    ]);
  });
  after(() => t.close());

  it('every company has a default group everyone belongs to; leads created without one land there', async () => {
    const groups = (await c.rep.get('/api/v1/pools/lead/groups')).json().items as { name: string; isDefault: boolean }[];
    assert.deepEqual(groups.map((g) => [g.name, g.isDefault]), [['默认线索池', true], ['华北线索池', false]]);
    const own = (await c.rep.post('/api/v1/lead', { name: '自建', companyName: '自建公司' })).json();
    assert.equal(own.poolGroupId, (groups[0] as unknown as { id: string }).id);
    assert.equal((await lead(own.id)).pool_state, 'held');
    const meta = (await c.rep.get('/api/v1/metadata/objects/lead')).json();
    const field = meta.fields.find((f: { key: string }) => f.key === 'poolGroupId');
    assert.deepEqual(field.options.map((o: { label: { zh: string } }) => o.label.zh), ['默认线索池', '华北线索池']);
  });

  it('50 concurrent claims of one lead by 10 reps: exactly one owner, one claim in the pool log, the others told who', async () => {
    const { id } = await inPool(c.manager, groupId, '抢手线索');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => reps[i % 10]!.client.post('/api/v1/pools/lead/batch/claim', { ids: [id] })));
    const results = answers.map((a) => a.json().results[0] as { ok: boolean; error?: { message: string } });
    assert.equal(results.filter((r) => r.ok).length, 1);
    const row = await lead(id);
    const winner = reps.find((r) => r.id === row.owner_id)!;
    assert.ok(winner);
    assert.equal(row.pool_state, 'held');
    for (const r of results.filter((x) => !x.ok)) assert.match(r.error!.message, new RegExp(`已被 ${(await t.database.db.selectFrom('users').select('name').where('id', '=', winner.id).executeTakeFirstOrThrow()).name} 领取`));
    assert.deepEqual((await events(id)).map((e) => e.kind), ['create_in_pool', 'claim']);
  });

  it('holds the per-rep limit under concurrent claims', async () => {
    const limited = await createGroup('限额池', [{ userId: reps[0]!.id, isAdmin: false }, { userId: org.userIds.manager, isAdmin: true }], { maxHeld: 3 });
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push((await inPool(c.manager, limited, `限额${i}`)).id);
    const answers = await Promise.all(ids.map((id) => reps[0]!.client.post('/api/v1/pools/lead/batch/claim', { ids: [id] })));
    const ok = answers.filter((a) => a.json().results[0].ok).length;
    assert.equal(ok, 3);
    assert.match(answers.find((a) => !a.json().results[0].ok)!.json().results[0].error.message, /最多持有 3 条/);
    const held = await sql<{ n: number }>`SELECT count(*)::int AS n FROM leads WHERE pool_group_id = ${limited}::uuid AND owner_id = ${reps[0]!.id}::uuid`.execute(t.database.db);
    assert.equal(held.rows[0]!.n, 3);
  });

  it('auto-assigns in turn: 1,000 leads arriving at once leave no rep more than one ahead', async () => {
    const fair = await createGroup('轮流池', [{ userId: org.userIds.manager, isAdmin: true }]);
    const targets = reps.slice(0, 4).map((r) => ({ type: 'user', id: r.id }));
    const rule = await c.manager.post(`/api/v1/pools/lead/groups/${fair}/rules`, {
      name: '新线索轮流分配', enabled: true, conditions: [{ field: 'returnedCount', op: 'lt', value: 1 }], targets,
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const made: { ownerId: string | null }[] = [];
    for (let batch = 0; batch < 1000; batch += 50) {
      made.push(...await Promise.all(Array.from({ length: 50 }, (_, i) => inPool(c.manager, fair, `轮流${batch + i}`))));
    }
    const counts = new Map<string, number>();
    for (const m of made) counts.set(m.ownerId!, (counts.get(m.ownerId!) ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), reps.slice(0, 4).map((r) => r.id).sort());
    assert.deepEqual([...counts.values()], [250, 250, 250, 250]);
    const log = await t.database.db.selectFrom('record_events').select(['detail']).where('kind', '=', 'auto_assign').where('to_group_id', '=', fair).execute();
    assert.equal(log.length, 1000);
    assert.equal((log[0]!.detail as { ruleName: string }).ruleName, '新线索轮流分配');
    // A lead returned once no longer meets 退回次数 < 1: it stays in the pool.
    const first = (await sql<{ id: string; owner_id: string }>`SELECT id, owner_id FROM leads WHERE pool_group_id = ${fair}::uuid LIMIT 1`.execute(t.database.db)).rows[0]!;
    const holder = reps.find((r) => r.id === first.owner_id)!;
    const back = await holder.client.post('/api/v1/pools/lead/batch/return', { ids: [first.id], reason: '暂无需求' });
    assert.equal(back.json().results[0].ok, true, back.body);
    const row = await lead(first.id);
    assert.equal(row.owner_id, null);
    assert.equal(row.returned_count, 1);
    assert.deepEqual((await events(first.id)).map((e) => e.kind), ['create_in_pool', 'auto_assign', 'return']);
  });

  it('refuses bad rules: an unknown field, too many conditions, no targets', async () => {
    const base = `/api/v1/pools/lead/groups/${groupId}/rules`;
    const target = [{ type: 'user', id: reps[0]!.id }];
    assert.equal((await c.manager.post(base, { name: 'x', enabled: true, conditions: [{ field: 'nope', op: 'eq', value: 1 }], targets: target })).statusCode, 400);
    assert.equal((await c.manager.post(base, { name: 'x', enabled: true, conditions: Array(21).fill({ field: 'returnedCount', op: 'eq', value: 0 }), targets: target })).statusCode, 400);
    assert.equal((await c.manager.post(base, { name: 'x', enabled: true, conditions: [], targets: [] })).statusCode, 400);
    // A plain member may not write rules.
    assert.equal((await c.rep.post(base, { name: 'x', enabled: true, conditions: [], targets: target })).statusCode, 403);
  });

  it('non-members see none of a group’s leads through any endpoint, search or export', async () => {
    const secret = await createGroup('机密池', [{ userId: org.userIds.manager, isAdmin: true }]);
    const { id } = await inPool(c.manager, secret, '机密线索甲');
    for (const client of [c.peer, c.rep, outsider]) {
      assert.equal((await client.get(`/api/v1/lead/${id}`)).statusCode, 404);
      assert.ok(!(await client.get('/api/v1/lead?pageSize=200')).json().items.some((l: { id: string }) => l.id === id));
      assert.ok(!(await client.get(`/api/v1/pools/lead/records?pageSize=200`)).json().items.some((l: { id: string }) => l.id === id));
      assert.ok(!(await client.get(`/api/v1/pools/lead/records?groupId=${secret}`)).json().items.length);
      assert.ok(!(await client.get(`/api/v1/search?q=${encodeURIComponent('机密线索甲')}`)).body.includes(id));
      assert.ok(!(await client.get('/api/v1/lead/export')).body.includes('机密线索甲'));
      assert.ok(!(await client.get(`/api/v1/pools/lead/events?groupId=${secret}`)).body.includes(id));
      assert.equal((await client.post('/api/v1/pools/lead/batch/claim', { ids: [id] })).json().results[0].ok, false);
      assert.equal((await client.get(`/api/v1/pools/lead/groups/${secret}`)).statusCode, 404);
    }
    // The same routes show it to the group's member: the checks above can fail.
    assert.equal((await c.manager.get(`/api/v1/lead/${id}`)).statusCode, 200);
    assert.ok((await c.manager.get(`/api/v1/pools/lead/records?groupId=${secret}`)).json().items.some((l: { id: string }) => l.id === id));
    assert.ok((await c.manager.get(`/api/v1/search?q=${encodeURIComponent('机密线索甲')}`)).body.includes(id));
    assert.ok((await c.manager.get('/api/v1/lead/export')).body.includes('机密线索甲'));
    assert.ok((await c.manager.get(`/api/v1/pools/lead/events?groupId=${secret}`)).body.includes(id));
  });

  it('where preview is off, members see the pool list but open a lead only after claiming it', async () => {
    const closed = await createGroup('盲领池', [{ userId: org.userIds.rep, isAdmin: false }, { userId: org.userIds.manager, isAdmin: true }], { previewAllowed: false });
    const { id } = await inPool(c.manager, closed, '盲领线索');
    assert.ok((await c.rep.get(`/api/v1/pools/lead/records?groupId=${closed}`)).json().items.some((l: { id: string }) => l.id === id));
    assert.equal((await c.rep.get(`/api/v1/lead/${id}`)).statusCode, 404);
    assert.equal((await c.manager.get(`/api/v1/lead/${id}`)).statusCode, 200);
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/claim', { ids: [id] })).json().results[0].ok, true);
    assert.equal((await c.rep.get(`/api/v1/lead/${id}`)).statusCode, 200);
  });

  it('assign-only groups: reps cannot claim; administrators assign to members only; abandon, restore and move', async () => {
    const assigned = await createGroup('分配池', [{ userId: org.userIds.rep, isAdmin: false }, { userId: org.userIds.manager, isAdmin: true }], { claimMode: 'assign' });
    const { id } = await inPool(c.manager, assigned, '待分配线索');
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/claim', { ids: [id] })).json().results[0].error.code, 'forbidden');
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/assign', { ids: [id], userId: org.userIds.rep })).json().results[0].ok, false);
    assert.match((await c.manager.post('/api/v1/pools/lead/batch/assign', { ids: [id], userId: org.userIds.peer })).json().results[0].error.message, /不是该公海分组的成员/);
    assert.equal((await c.manager.post('/api/v1/pools/lead/batch/assign', { ids: [id], userId: org.userIds.rep })).json().results[0].ok, true);
    assert.equal((await lead(id)).owner_id, org.userIds.rep);
    // 回收 from the holder, then 废弃 and 恢复.
    assert.equal((await c.manager.post('/api/v1/pools/lead/batch/recycle', { ids: [id] })).json().results[0].ok, true);
    assert.deepEqual(await lead(id).then((l) => [l.owner_id, l.pool_state, l.returned_count]), [null, 'pool', 1]);
    assert.equal((await c.manager.post('/api/v1/pools/lead/batch/abandon', { ids: [id] })).json().results[0].ok, true);
    assert.equal((await lead(id)).pool_state, 'abandoned');
    assert.ok(!(await c.rep.get(`/api/v1/pools/lead/records?groupId=${assigned}`)).json().items.some((l: { id: string }) => l.id === id));
    assert.ok((await c.rep.get(`/api/v1/pools/lead/records?groupId=${assigned}&all=true`)).json().items.some((l: { id: string }) => l.id === id));
    assert.equal((await c.manager.post('/api/v1/pools/lead/batch/restore', { ids: [id] })).json().results[0].ok, true);
    // Members may not move leads between groups unless the group allows it; its administrator may.
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/change-group', { ids: [id], groupId })).json().results[0].ok, false);
    assert.equal((await c.manager.post('/api/v1/pools/lead/batch/change-group', { ids: [id], groupId })).json().results[0].ok, true);
    assert.equal((await lead(id)).pool_group_id, groupId);
    assert.deepEqual((await events(id)).map((e) => e.kind), ['create_in_pool', 'assign', 'recycle', 'abandon', 'restore', 'change_group']);
    const log = (await c.manager.get(`/api/v1/pools/lead/events?recordId=${id}`)).json().items;
    assert.equal(log[0].kind, 'change_group');
    assert.equal(log[0].toGroupName, '华北线索池');
    assert.equal(log.at(-2).toOwnerName, '孙销售');
    // 删除 by the group's administrator, written to the pool log under the record's name.
    const unclaimed = await inPool(c.manager, assigned, '待删除线索');
    assert.equal((await c.rep.delete(`/api/v1/lead/${unclaimed.id}`)).statusCode, 403, "a member reads it but may not delete it");
    assert.equal((await c.manager.delete(`/api/v1/lead/${unclaimed.id}`)).statusCode, 204);
    const deleted = (await c.manager.get(`/api/v1/pools/lead/events?recordId=${unclaimed.id}`)).json().items[0];
    assert.deepEqual([deleted.kind, deleted.recordName], ['delete', '待删除线索']);
  });

  it('recycles by rule on a controllable clock: a warning a day before, then back to the pool, explained beforehand', async () => {
    const timed = await createGroup('限时池', [{ userId: org.userIds.rep, isAdmin: false }, { userId: org.userIds.manager, isAdmin: true }], { recycleIdleDays: 3, recycleUnconvertedDays: 10 });
    const { id } = await inPool(c.manager, timed, '限时线索');
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/claim', { ids: [id] })).json().results[0].ok, true);
    const status = (await c.rep.get(`/api/v1/pools/lead/records/${id}/pool-status`)).json();
    assert.equal(status.recycle.rule, 'idle');
    assert.equal(status.recycle.daysLeft, 3);
    const day = 86_400_000;
    const preview = (await c.manager.get(`/api/v1/pools/lead/groups/${timed}/recycle-preview?days=4`)).json();
    assert.deepEqual(preview.items.map((i: { id: string; rule: string; ownerName: string }) => [i.id, i.rule, i.ownerName]), [[id, 'idle', '孙销售']]);
    assert.equal((await c.manager.get(`/api/v1/pools/lead/groups/${timed}/recycle-preview?days=1`)).json().items.length, 0);
    assert.equal((await c.rep.get(`/api/v1/pools/lead/groups/${timed}/recycle-preview`)).statusCode, 403);

    const notices = () => t.database.db.selectFrom('notifications').select('title').where('user_id', '=', org.userIds.rep).orderBy('created_at').execute();
    const before = (await notices()).length;
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 1.5 * day)), { recycled: 0, warned: 0 });
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 2.5 * day)), { recycled: 0, warned: 1 });
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 2.6 * day)), { recycled: 0, warned: 0 }, 'one warning only');
    assert.match((await notices()).at(-1)!.title, /限时线索.*退回公海池/);
    assert.deepEqual(await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 3.1 * day)), { recycled: 1, warned: 0 });
    assert.deepEqual(await lead(id).then((l) => [l.owner_id, l.pool_state, l.returned_count]), [null, 'pool', 1]);
    assert.equal((await notices()).length, before + 2);
    const last = (await events(id)).at(-1)!;
    assert.equal(last.kind, 'rule_recycle');
    assert.deepEqual(last.detail, { rule: 'idle', days: 3 });
  });

  it('a follow-up moves the idle rule’s clock; the unconverted rule still applies', async () => {
    const timed = await createGroup('跟进池', [{ userId: org.userIds.rep, isAdmin: false }], { recycleIdleDays: 3, recycleUnconvertedDays: 5 });
    const { id } = await inPool(c.admin, timed, '跟进线索');
    assert.equal((await c.rep.post('/api/v1/pools/lead/batch/claim', { ids: [id] })).json().results[0].ok, true);
    const day = 86_400_000;
    await sql`UPDATE leads SET last_activity_at = now() + interval '2 days' WHERE id = ${id}::uuid`.execute(t.database.db);
    assert.equal((await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 3.5 * day))).recycled, 0);
    const status = (await c.rep.get(`/api/v1/pools/lead/records/${id}/pool-status`)).json();
    assert.equal(status.recycle.rule, 'unconverted');
    assert.equal((await sweepTenant(t.database.db, org.tenantId, 'lead', new Date(Date.now() + 5.1 * day))).recycled, 1);
  });

  it('group settings are for pool administrators; the default group cannot be deleted; a group with leads neither', async () => {
    assert.equal((await c.rep.post('/api/v1/pools/lead/groups', group({ name: '越权' }))).statusCode, 403);
    assert.equal((await c.admin.post('/api/v1/pools/lead/groups', group({ name: '华北线索池' }))).statusCode, 400);
    const groups = (await c.admin.get('/api/v1/pools/lead/groups')).json().items as { id: string; isDefault: boolean }[];
    assert.equal((await c.admin.delete(`/api/v1/pools/lead/groups/${groups.find((g) => g.isDefault)!.id}`)).statusCode, 400);
    assert.equal((await c.admin.delete(`/api/v1/pools/lead/groups/${groupId}`)).statusCode, 400);
    const empty = await createGroup('空池', []);
    assert.equal((await c.admin.delete(`/api/v1/pools/lead/groups/${empty}`)).statusCode, 204);
    // A member may not create a lead in a group they do not belong to.
    const res = await c.peer.post('/api/v1/pools/lead/records', { name: 'x', companyName: 'y', poolGroupId: groupId });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /不是公海分组“华北线索池”的成员/);
    // 所属公海 changes only through 改变分组.
    const own = (await c.rep.post('/api/v1/lead', { name: '甲', companyName: '乙', poolGroupId: groupId })).json();
    assert.equal((await c.rep.patch(`/api/v1/lead/${own.id}`, { version: own.version, poolGroupId: groupId })).statusCode, 400);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { TestApp } from './support/app';
import type { Seat } from './support/org';

// Batches of five rows, so the turns and the limit carry over from one batch's transaction to the next.
process.env.YIXIAO_IMPORT_BATCH_ROWS = '5';
const { startTestApp } = await import('./support/app');
const { createOrg } = await import('./support/org');
const { csv, importFile } = await import('./dataio-import-support');

/**
 * 导入线索公海池 with auto-assign rules: the import hands out turns set-based, a batch at a time;
 * the outcome must be the one the pool gives when the same leads enter it one by one.
 */
describe('导入公海池自动分配: set-based assignment equals one-by-one assignment', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  // 北京 leads go in turn to 孙销售, 李同事, 吴读写 (from 李同事: next_turn 1); any 市 lead falls to
  // 销售中心 (赵总监) then 钱经理; whatever is left and was created today (every row: the import decides
  // before the insert, so the row's creation time must already be there) goes to 周只读. Each may
  // hold 3 in the group; 李同事 already holds 2.
  const ROWS: [string, string][] = [
    ['甲01', '北京海淀'], ['甲02', '北京海淀'], ['甲03', '上海市'], ['甲04', '北京海淀'], ['甲05', '北京海淀'], ['甲06', '广州'],
    ['甲07', '北京海淀'], ['甲08', '北京海淀'], ['甲09', '北京海淀'], ['甲10', '北京市朝阳'], ['甲11', '上海市'], ['甲12', '北京东城'],
    ['甲13', '深圳市'], ['甲14', '北京市朝阳'], ['甲15', '杭州市'], ['甲16', '南京市'],
  ];
  const EXPECTED: [string, Seat | null, string | null][] = [
    ['甲01', 'peer', '北京轮流'], ['甲02', 'teamWrite', '北京轮流'], ['甲03', 'director', '市内兜底'], ['甲04', 'rep', '北京轮流'],
    ['甲05', 'teamWrite', '北京轮流'], ['甲06', 'teamRead', '今日兜底'], ['甲07', 'rep', '北京轮流'], ['甲08', 'teamWrite', '北京轮流'],
    ['甲09', 'rep', '北京轮流'], ['甲10', 'manager', '市内兜底'], ['甲11', 'director', '市内兜底'], ['甲12', 'teamRead', '今日兜底'],
    ['甲13', 'manager', '市内兜底'], ['甲14', 'director', '市内兜底'], ['甲15', 'manager', '市内兜底'], ['甲16', 'teamRead', '今日兜底'],
  ];

  /** A company with the group, its two rules and 李同事's two held leads. */
  async function company() {
    const org = await createOrg(t);
    const c = await org.clients();
    const res = await c.admin.post('/api/v1/pools/lead/groups', {
      name: '分配池', everyone: true, claimMode: 'claim', previewAllowed: true, maxHeld: 3, membersMayMove: false, recycleIdleDays: null, recycleUnconvertedDays: null,
    });
    assert.equal(res.statusCode, 201, res.body);
    const groupId = res.json().id as string;
    // 李同事's two leads come first: the rules (今日兜底 takes any lead) are not there yet.
    for (const name of ['已有一', '已有二']) {
      const made = await c.admin.post('/api/v1/pools/lead/records', { name, companyName: `${name}公司`, poolGroupId: groupId, address: '无' });
      assert.equal(made.statusCode, 201, made.body);
      await sql`UPDATE leads SET owner_id = ${org.userIds.peer}::uuid, pool_state = 'held' WHERE id = ${made.json().id as string}::uuid`.execute(t.database.db);
    }
    const rule = async (name: string, conditions: object[], targets: { type: 'user' | 'department'; id: string }[]) => {
      const made = await c.admin.post(`/api/v1/pools/lead/groups/${groupId}/rules`, { name, enabled: true, conditions, targets });
      assert.equal(made.statusCode, 201, made.body);
    };
    const address = (value: string) => [{ field: 'address', op: 'contains', value }];
    await rule('北京轮流', address('北京'), [{ type: 'user', id: org.userIds.rep }, { type: 'user', id: org.userIds.peer }, { type: 'user', id: org.userIds.teamWrite }]);
    await rule('市内兜底', address('市'), [{ type: 'department', id: org.departments.center }, { type: 'user', id: org.userIds.manager }]);
    await rule('今日兜底', [{ field: 'createdAt', op: 'today' }], [{ type: 'user', id: org.userIds.teamRead }]);
    await t.database.db.updateTable('pool_assign_rules').set({ next_turn: 1 }).where('tenant_id', '=', org.tenantId).where('name', '=', '北京轮流').execute();
    const seatOf = new Map(Object.entries(org.userIds).map(([seat, id]) => [id, seat as Seat]));
    return { org, c, groupId, seatOf };
  }

  /** What the pool holds afterwards, in seats and rule names, so two companies compare. */
  async function outcome(tenantId: string, seatOf: Map<string, Seat>) {
    const db = t.database.db;
    const leads = (await sql<{ name: string; owner_id: string | null; department_id: string | null; pool_state: string; d: string | null }>`
      SELECT l.name, l.owner_id, l.department_id, l.pool_state, d.name AS d FROM leads l LEFT JOIN departments d ON d.id = l.department_id
      WHERE l.tenant_id = ${tenantId}::uuid AND l.name LIKE '甲%' ORDER BY l.name`.execute(db)).rows;
    const events = (await sql<{ name: string; to_owner_id: string; detail: { ruleName: string }; from_group_id: string; to_group_id: string }>`
      SELECT l.name, e.to_owner_id, e.detail, e.from_group_id, e.to_group_id FROM record_events e JOIN leads l ON l.id = e.record_id
      WHERE e.tenant_id = ${tenantId}::uuid AND e.kind = 'auto_assign' ORDER BY e.id`.execute(db)).rows;
    const rules = await db.selectFrom('pool_assign_rules').select(['name', 'next_turn']).where('tenant_id', '=', tenantId).orderBy('position').execute();
    return {
      leads: leads.map((l) => [l.name, l.owner_id ? seatOf.get(l.owner_id) : null, l.d, l.pool_state]),
      events: events.map((e) => [e.name, seatOf.get(e.to_owner_id), e.detail.ruleName, e.from_group_id === e.to_group_id]),
      turns: rules.map((r) => [r.name, Number(r.next_turn)]),
    };
  }

  it('imports 16 leads in batches of 5: the owners, departments, events and turns of round-robin with a limit', async () => {
    const a = await company();
    const file = csv([['姓名', '公司名称', '状态', '所属公海', '地址'], ...ROWS.map(([name, address]) => [name, `${name}公司`, '未处理', '分配池', address])]);
    const job = await importFile(t, a.c.admin, 'lead', file, { mode: 'skip', target: 'pool' });
    assert.deepEqual([job.status, job.created, job.failed], ['done', 16, 0]);
    const imported = await outcome(a.org.tenantId, a.seatOf);

    const department: Record<Seat, string> = { admin: '', director: '销售中心', manager: '华北区', rep: '华北区', peer: '华东区', teamRead: '华东区', teamWrite: '华东区' };
    assert.deepEqual(imported.leads, EXPECTED.map(([name, seat]) => [name, seat, seat ? department[seat] : null, seat ? 'held' : 'pool']));
    assert.deepEqual(imported.events, EXPECTED.filter(([, seat]) => seat).map(([name, seat, rule]) => [name, seat, rule, true]));
    assert.deepEqual(imported.turns, [['北京轮流', 10], ['市内兜底', 6], ['今日兜底', 3]]);

    // The same leads entering the same pool one at a time (新建 in the pool runs afterEnteringPool per record).
    const b = await company();
    for (const [name, address] of ROWS) {
      const made = await b.c.admin.post('/api/v1/pools/lead/records', { name, companyName: `${name}公司`, poolGroupId: b.groupId, address });
      assert.equal(made.statusCode, 201, made.body);
    }
    assert.deepEqual(await outcome(b.org.tenantId, b.seatOf), imported);

    // The import told each assignee once, at its end, however many batches it took: 李同事 got 甲01
    // alone, by name, linking to the lead; 吴读写 got 甲02 and 甲05 in the first batch and 甲08 in the second.
    const notices = await t.database.db.selectFrom('notifications').select(['user_id', 'title', 'link']).where('tenant_id', '=', a.org.tenantId).orderBy('created_at').orderBy('id').execute();
    const peer = notices.filter((n) => n.user_id === a.org.userIds.peer);
    assert.equal(peer.length, 1);
    assert.match(peer[0]!.title, /甲01/);
    assert.match(peer[0]!.link ?? '', /^\/lead\/[0-9a-f-]{36}$/);
    const teamWrite = notices.filter((n) => n.user_id === a.org.userIds.teamWrite);
    assert.deepEqual(teamWrite.map((n) => [n.title, n.link]), [['公海池分配给您 3 条销售线索：甲02、甲05、甲08 等', '/lead']]);
    // Every assignee once: 孙销售, 李同事, 吴读写, 赵总监, 钱经理, 周只读.
    assert.equal(new Set(notices.map((n) => n.user_id)).size, notices.length);
    assert.equal(notices.length, 6);
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { SalesProcess, SalesProcessInput } from '@yixiao/core';
import { openDatabase, type Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

/**
 * 销售流程 (§3.7.6) and 看板 (§3.7.4): administrator-defined stages with win rates, tasks and key
 * fields; simple and guided modes; loss reasons; and a stage history that is complete whichever
 * way the stage moves (create, PATCH, batch update, the kanban's move), for the analytics of §4.1.
 */
describe('销售流程: stages, guided selling, loss reasons, stage history and the kanban', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  /** A company of its own per test: the process is the company's. */
  async function company() {
    const org = await createOrg(t);
    const c: Record<Seat, Client> = await org.clients();
    const account = await c.rep.post('/api/v1/account', { name: `北京仁科互动${Math.random().toString(36).slice(2, 8)}有限公司` });
    assert.equal(account.statusCode, 201, account.body);
    const create = (values: Record<string, unknown>, client = c.rep) =>
      client.post('/api/v1/opportunity', { name: 'CRM 项目', accountId: account.json().id, ...values });
    const patch = async (id: string, values: Record<string, unknown>, client = c.rep) => {
      const version = (await client.get(`/api/v1/opportunity/${id}`)).json().version as number;
      return client.patch(`/api/v1/opportunity/${id}`, { ...values, version });
    };
    const process = async () => (await c.admin.get('/api/v1/sales-process')).json() as SalesProcess;
    const save = async (change: (p: SalesProcessInput) => void) => {
      const current = await process();
      const input: SalesProcessInput = {
        mode: current.mode, version: current.version,
        stages: current.stages.map((s) => ({ value: s.value, label: s.label, kind: s.kind, winRate: s.winRate, enabled: s.enabled, keyFields: s.keyFields, tasks: s.tasks })),
        lostReasons: current.lostReasons.map((r) => ({ value: r.value, label: r.label, enabled: r.enabled })),
      };
      change(input);
      return c.admin.put('/api/v1/sales-process', input);
    };
    const history = (id: string) => t.database.db.selectFrom('opportunity_stage_history').selectAll()
      .where('tenant_id', '=', org.tenantId).where('opportunity_id', '=', id).orderBy('id').execute();
    const events = (id: string, kind: string) => t.database.db.selectFrom('record_events').select(['kind', 'detail', 'actor_id', 'at'])
      .where('tenant_id', '=', org.tenantId).where('record_id', '=', id).where('kind', '=', kind).orderBy('id').execute();
    return { org, c, accountId: account.json().id as string, create, patch, process, save, history, events };
  }

  it('the built-in process is today’s stages: they are the field’s options, and existing opportunities keep their stage as stages are added, renamed and disabled', async () => {
    const { c, create, patch, process, save } = await company();
    const builtIn = await process();
    assert.equal(builtIn.version, 0);
    assert.equal(builtIn.mode, 'simple');
    assert.deepEqual(builtIn.stages.map((s) => [s.value, s.kind, s.winRate]), [
      ['初步接洽', 'open', 10], ['需求确定', 'open', 30], ['方案/报价', 'open', 60], ['谈判审核', 'open', 80], ['赢单', 'won', 100], ['输单', 'lost', 0],
    ]);
    const old = await create({ stage: '谈判审核', amount: '500000.00' });
    assert.equal(old.statusCode, 201, old.body);

    const saved = await save((p) => {
      p.stages.splice(2, 0, { label: { zh: '商务洽谈', en: 'Business talks' }, kind: 'open', winRate: 45, enabled: true, keyFields: [], tasks: [] });
      p.stages[0]!.label = { zh: '初次接触', en: 'First contact' };
      p.stages.find((s) => s.value === '谈判审核')!.enabled = false;
      p.lostReasons.push({ label: { zh: '项目延期' }, enabled: true });
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);

    const meta = (await c.rep.get('/api/v1/metadata/objects/opportunity')).json();
    const stageField = meta.fields.find((f: { key: string }) => f.key === 'stage');
    assert.deepEqual(stageField.options.map((o: { value: string; label: { zh: string }; enabled: boolean }) => [o.value, o.label.zh, o.enabled]), [
      ['初步接洽', '初次接触', true], ['需求确定', '需求确定', true], ['商务洽谈', '商务洽谈', true], ['方案/报价', '方案/报价', true],
      ['谈判审核', '谈判审核', false], ['赢单', '赢单', true], ['输单', '输单', true],
    ]);
    const reasons = meta.fields.find((f: { key: string }) => f.key === 'lostReason').options.map((o: { value: string }) => o.value);
    assert.ok(reasons.includes('项目延期'));

    // The opportunity in the disabled stage keeps it and can still be edited; nobody new enters it.
    const kept = await c.rep.get(`/api/v1/opportunity/${old.json().id}`);
    assert.equal(kept.json().stage, '谈判审核');
    assert.equal((await patch(old.json().id, { remark: '客户内部评审中' })).statusCode, 200);
    const entering = await create({ stage: '谈判审核' });
    assert.equal(entering.statusCode, 400);
    assert.equal((await create({ stage: '商务洽谈' })).statusCode, 201);
    // New opportunities start at the first stage of the company's process.
    assert.equal((await create({})).json().stage, '初步接洽');

    // A stage records are in cannot be removed; a stale version is refused.
    const removing = await save((p) => { p.stages = p.stages.filter((s) => s.value !== '谈判审核'); });
    assert.equal(removing.statusCode, 409);
    assert.match(removing.json().error.message, /谈判审核.*1 个销售机会/);
    const stale = await c.admin.put('/api/v1/sales-process', { ...(await process()), version: 0 });
    assert.equal(stale.statusCode, 409);
    assert.equal((await c.rep.put('/api/v1/sales-process', { ...(await process()) })).statusCode, 403);
  });

  it('simple mode allows skipping and going back; closing as lost needs a reason from the administrator’s list, in both modes', async () => {
    const { create, patch, save } = await company();
    const id = (await create({})).json().id as string;
    assert.equal((await patch(id, { stage: '谈判审核' })).statusCode, 200, 'skipping');
    assert.equal((await patch(id, { stage: '初步接洽' })).statusCode, 200, 'going back');

    const noReason = await patch(id, { stage: '输单' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.message, '输单须选择输单原因');
    assert.deepEqual(noReason.json().error.details, [{ field: 'lostReason', reason: 'required' }]);
    assert.equal((await patch(id, { stage: '输单', lostReason: '天气不好' })).statusCode, 400, 'not on the list');
    const lost = await patch(id, { stage: '输单', lostReason: '价格' });
    assert.equal(lost.statusCode, 200, lost.body);
    assert.equal((await patch(id, { lostReason: null })).statusCode, 400, 'a lost opportunity keeps a reason');
    // Reopening clears the reason.
    const reopened = await patch(id, { stage: '方案/报价' });
    assert.equal(reopened.json().lostReason, null);
    // Created lost, a reason is needed too.
    assert.equal((await create({ stage: '输单' })).statusCode, 400);
    assert.equal((await create({ stage: '输单', lostReason: '竞争对手' })).statusCode, 201);

    // Guided mode refuses a loss without reason the same way.
    assert.equal((await save((p) => { p.mode = 'guided'; })).statusCode, 200);
    assert.equal((await patch(id, { stage: '输单' })).json().error.message, '输单须选择输单原因');
  });

  it('guided mode: advancing needs the current stage’s required tasks and key fields, one stage at a time; going back and losing are free', async () => {
    const { c, create, patch, save, process } = await company();
    const saved = await save((p) => {
      p.mode = 'guided';
      const first = p.stages[0]!;
      first.tasks = [{ title: '拜访客户', required: true }, { title: '发送公司介绍', required: false }];
      first.keyFields = ['amount'];
      p.stages[1]!.keyFields = ['closeDate'];
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const visit = (await process()).stages[0]!.tasks.find((task) => task.title === '拜访客户')!;

    const skippingAtCreate = await create({ stage: '需求确定' });
    assert.equal(skippingAtCreate.statusCode, 409);
    assert.equal(skippingAtCreate.json().error.message, '可视化流程的销售机会须从“初步接洽”开始');
    const id = (await create({})).json().id as string;

    const skip = await patch(id, { stage: '方案/报价' });
    assert.equal(skip.statusCode, 409);
    assert.equal(skip.json().error.message, '可视化流程不能跳过阶段：“初步接洽”的下一阶段是“需求确定”');
    const tasks = await patch(id, { stage: '需求确定' });
    assert.equal(tasks.statusCode, 409);
    assert.equal(tasks.json().error.message, '请先完成“初步接洽”阶段的任务：拜访客户');
    const ticked = await c.rep.put(`/api/v1/opportunity/${id}/stage-tasks/${visit.id}`, { done: true });
    assert.equal(ticked.statusCode, 200, ticked.body);
    assert.equal(ticked.json().stages[0].tasks[0].done, true);
    const fields = await patch(id, { stage: '需求确定' });
    assert.equal(fields.statusCode, 409);
    assert.equal(fields.json().error.message, '请先填写“初步接洽”阶段的关键信息：金额');
    // The key field filled in the same edit counts.
    const advanced = await patch(id, { stage: '需求确定', amount: '120000.00' });
    assert.equal(advanced.statusCode, 200, advanced.body);

    // From 需求确定 forward needs its close date, and the earlier stage still complete.
    await c.rep.put(`/api/v1/opportunity/${id}/stage-tasks/${visit.id}`, { done: false });
    const earlier = await patch(id, { stage: '方案/报价', closeDate: '2026-09-30' });
    assert.equal(earlier.json().error.message, '请先完成“初步接洽”阶段的任务：拜访客户');
    await c.rep.put(`/api/v1/opportunity/${id}/stage-tasks/${visit.id}`, { done: true });
    assert.equal((await patch(id, { stage: '方案/报价', closeDate: '2026-09-30' })).statusCode, 200);

    assert.equal((await patch(id, { stage: '初步接洽' })).statusCode, 200, 'back is free');
    assert.equal((await patch(id, { stage: '需求确定' })).statusCode, 200);
    assert.equal((await patch(id, { stage: '赢单' })).statusCode, 409, 'no winning from the middle');
    const lost = await c.rep.post(`/api/v1/opportunity/${id}/stage`, { stage: '输单', lostReason: '预算取消' });
    assert.equal(lost.statusCode, 200, lost.body);
    // A reopened opportunity resumes where it was lost: the next stage, not beyond.
    assert.equal((await patch(id, { stage: '谈判审核' })).statusCode, 409);
    assert.equal((await patch(id, { stage: '方案/报价' })).statusCode, 200);

    // Batch update follows the same rules, one result per record.
    const other = (await create({})).json().id as string;
    const batch = await c.rep.post('/api/v1/opportunity/batch/update', { ids: [id, other], values: { stage: '谈判审核' } });
    assert.equal(batch.statusCode, 200);
    const [a, b] = batch.json().results;
    assert.equal(a.ok, true, JSON.stringify(a));
    assert.equal(b.ok, false);
    assert.equal(b.error.message, '可视化流程不能跳过阶段：“初步接洽”的下一阶段是“需求确定”');

    // Simple mode allows both skipping and winning from anywhere.
    assert.equal((await save((p) => { p.mode = 'simple'; })).statusCode, 200);
    assert.equal((await patch(other, { stage: '赢单' })).statusCode, 200);
  });

  it('records every stage change with time and user — create, PATCH, batch update, the kanban — and every amount and close-date change', async () => {
    const { org, c, create, patch, history, events } = await company();
    const made = await create({ amount: '1000.00', closeDate: '2026-06-30' });
    const id = made.json().id as string;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await patch(id, { stage: '需求确定', amount: '1500.50' })).statusCode, 200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const batch = await c.manager.post('/api/v1/opportunity/batch/update', { ids: [id], values: { stage: '方案/报价', closeDate: '2026-07-15' } });
    assert.equal(batch.json().results[0].ok, true, batch.body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const moved = await c.rep.post(`/api/v1/opportunity/${id}/stage`, { stage: '谈判审核' });
    assert.equal(moved.statusCode, 200, moved.body);
    // A refused move leaves no trace.
    assert.equal((await c.rep.post(`/api/v1/opportunity/${id}/stage`, { stage: '输单' })).statusCode, 400);
    // An edit that leaves the stage alone adds no stay.
    assert.equal((await patch(id, { remark: '下周签约' })).statusCode, 200);

    const stays = await history(id);
    assert.deepEqual(stays.map((s) => s.stage), ['初步接洽', '需求确定', '方案/报价', '谈判审核']);
    assert.deepEqual(stays.map((s) => s.entered_by), [org.userIds.rep, org.userIds.rep, org.userIds.manager, org.userIds.rep]);
    assert.deepEqual(stays.map((s) => s.next_stage), ['需求确定', '方案/报价', '谈判审核', null]);
    assert.deepEqual(stays.map((s) => s.win_rate), [10, 30, 60, 80]);
    for (let i = 0; i < stays.length - 1; i++) {
      assert.equal(stays[i]!.left_at!.getTime(), stays[i + 1]!.entered_at.getTime(), 'a stay ends when the next begins');
      assert.equal(stays[i]!.left_by, stays[i + 1]!.entered_by);
      assert.ok(stays[i]!.entered_at < stays[i + 1]!.entered_at);
    }
    assert.equal(stays.at(-1)!.left_at, null);

    const changes = await events(id, 'stage_change');
    assert.deepEqual(changes.map((e) => [e.detail.from, e.detail.to]), [[null, '初步接洽'], ['初步接洽', '需求确定'], ['需求确定', '方案/报价'], ['方案/报价', '谈判审核']]);
    assert.deepEqual(changes.map((e) => e.at.getTime()), stays.map((s) => s.entered_at.getTime()));
    assert.equal(changes[1]!.detail.amount, '1500.50');

    const forecast = await events(id, 'forecast_change');
    assert.deepEqual(forecast.map((e) => e.detail), [
      { amount: { from: null, to: '1000.00' }, closeDate: { from: null, to: '2026-06-30' }, stage: '初步接洽' },
      { amount: { from: '1000.00', to: '1500.50' }, stage: '需求确定' },
      { closeDate: { from: '2026-06-30', to: '2026-07-15' }, stage: '方案/报价' },
    ]);

    // The stage bar reads the same history.
    const progress = (await c.rep.get(`/api/v1/opportunity/${id}/stage-progress`)).json();
    assert.equal(progress.current, '谈判审核');
    assert.deepEqual(progress.history.map((h: { stage: string; enteredByName: string }) => [h.stage, h.enteredByName]),
      [['初步接洽', '孙销售'], ['需求确定', '孙销售'], ['方案/报价', '钱经理'], ['谈判审核', '孙销售']]);
    assert.equal((await c.peer.get(`/api/v1/opportunity/${id}/stage-progress`)).statusCode, 404, 'not visible to a colleague elsewhere');
  });

  it('the kanban: a column per stage with its count and exact amount over what the viewer may see; a move goes through the rules', async () => {
    const { c, create } = await company();
    const a = (await create({ amount: '0.10' })).json().id as string;
    await create({ amount: '0.20' });
    await create({ stage: '方案/报价', amount: '99999999999999.99' });
    assert.equal((await create({ stage: '方案/报价' }, c.manager)).statusCode, 201);

    const board = await c.rep.get('/api/v1/opportunity/kanban');
    assert.equal(board.statusCode, 200, board.body);
    const column = (b: { columns: { value: string; count: number; amount: string; weightedAmount: string; items: { id: string }[] }[] }, value: string) =>
      b.columns.find((col) => col.value === value)!;
    assert.deepEqual(board.json().columns.map((col: { value: string }) => col.value), ['初步接洽', '需求确定', '方案/报价', '谈判审核', '赢单', '输单']);
    assert.deepEqual([column(board.json(), '初步接洽').count, column(board.json(), '初步接洽').amount], [2, '0.30']);
    assert.deepEqual([column(board.json(), '方案/报价').count, column(board.json(), '方案/报价').amount, column(board.json(), '方案/报价').weightedAmount],
      [1, '99999999999999.99', '59999999999999.99']);
    assert.equal(column(board.json(), '初步接洽').items.length, 2);
    // The manager's own opportunity shows to the director, not to the rep; the list's filters apply.
    assert.equal(column((await c.director.get('/api/v1/opportunity/kanban')).json(), '方案/报价').count, 2);
    const filtered = await c.rep.get(`/api/v1/opportunity/kanban?filter=${encodeURIComponent(JSON.stringify({ field: 'amount', op: 'gt', value: '0.15' }))}`);
    assert.equal(column(filtered.json(), '初步接洽').count, 1);
    // One column, from an offset (加载更多).
    const more = (await c.rep.get(`/api/v1/opportunity/kanban?stage=${encodeURIComponent('初步接洽')}&limit=1&offset=1`)).json();
    assert.equal(more.columns.length, 1);
    assert.equal(more.columns[0].items.length, 1);

    const moved = await c.rep.post(`/api/v1/opportunity/${a}/stage`, { stage: '需求确定' });
    assert.equal(moved.statusCode, 200, moved.body);
    const after = (await c.rep.get('/api/v1/opportunity/kanban')).json();
    assert.deepEqual([column(after, '初步接洽').count, column(after, '初步接洽').amount], [1, '0.20']);
    assert.deepEqual([column(after, '需求确定').count, column(after, '需求确定').amount], [1, '0.10']);
    assert.equal((await c.peer.post(`/api/v1/opportunity/${a}/stage`, { stage: '谈判审核' })).statusCode, 404, 'nor may others move it');
    assert.equal((await c.rep.post(`/api/v1/opportunity/${a}/stage`, { stage: '需求确定', version: 1 })).statusCode, 409, 'stale card');
  });

  it('describes its routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const mine = (p: string) => p === '/api/v1/sales-process' || p === '/api/v1/opportunity/kanban' || p.startsWith('/api/v1/opportunity/{id}/stage');
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => mine(p)));
    assert.deepEqual(Object.keys(paths).sort(), [
      '/api/v1/opportunity/kanban', '/api/v1/opportunity/{id}/stage', '/api/v1/opportunity/{id}/stage-progress',
      '/api/v1/opportunity/{id}/stage-tasks/{taskId}', '/api/v1/sales-process',
    ]);
    await SwaggerParser.validate({ ...doc, paths });
  });

  it('refuses a process without its closing stages, with unknown key fields or with tasks on closing stages', async () => {
    const { save } = await company();
    const cases: [string, (p: SalesProcessInput) => void][] = [
      ['no won stage', (p) => { p.stages = p.stages.filter((s) => s.kind !== 'won'); }],
      ['unknown key field', (p) => { p.stages[0]!.keyFields = ['noSuchField']; }],
      ['read-only key field', (p) => { p.stages[0]!.keyFields = ['createdAt']; }],
      ['tasks on 赢单', (p) => { p.stages.find((s) => s.kind === 'won')!.tasks = [{ title: '签合同', required: true }]; }],
      ['duplicate stage', (p) => { p.stages.push({ ...p.stages[0]!, value: undefined }); }],
      ['every open stage disabled', (p) => { for (const s of p.stages) if (s.kind === 'open') s.enabled = false; }],
      ['won below 100%', (p) => { p.stages.find((s) => s.kind === 'won')!.winRate = 90; }],
      ['another won stage', (p) => { p.stages = p.stages.map((s) => (s.kind === 'won' ? { ...s, value: undefined, label: { zh: '成交' } } : s)); }],
    ];
    for (const [name, change] of cases) {
      const res = await save(change);
      assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
    }
  });
});

/**
 * Upgrading keeps existing opportunities valid (0016_sales_process.sql): a company that had arranged
 * the stage picklist keeps its options as its process, and each opportunity's stage history is
 * rebuilt from the operation log, into the history table and the event log.
 */
describe('销售流程 upgrade: existing stages and their history', () => {
  const adminUrl = process.env.YIXIAO_TEST_ADMIN_URL!;
  const name = `s_${randomBytes(5).toString('hex')}`;
  let database: Database;

  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  after(async () => {
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('turns arranged stage options into the process and the operation log into stays', async () => {
    await admin(`CREATE DATABASE ${name} OWNER yixiao_app`);
    const u = new URL(adminUrl);
    u.username = 'yixiao_app';
    u.password = process.env.YIXIAO_TEST_APP_PASSWORD!;
    u.pathname = `/${name}`;
    await migrate(u.toString(), { upTo: '0015_business_registry.sql' });
    database = openDatabase(u.toString());
    const db = database.db;
    // Written as plain rows, as the code of that time left them.
    const tenantId = (await sql<{ id: string }>`INSERT INTO tenants (name) VALUES ('老公司') RETURNING id`.execute(db)).rows[0]!.id;
    const departmentId = (await sql<{ id: string }>`INSERT INTO departments (tenant_id, name) VALUES (${tenantId}::uuid, '老公司') RETURNING id`.execute(db)).rows[0]!.id;
    const userId = (await sql<{ id: string }>`INSERT INTO users (tenant_id, login, name, password_hash, department_id)
      VALUES (${tenantId}::uuid, ${`u_${name}`}, '老销售', 'x', ${departmentId}::uuid) RETURNING id`.execute(db)).rows[0]!.id;
    const options = [['初步接洽', 'Qualification'], ['技术交流', 'Tech talks'], ['谈判审核', 'Negotiation'], ['赢单', 'Won'], ['输单', 'Lost']]
      .map(([zh, en]) => ({ value: zh, label: { zh, en }, enabled: true }));
    await sql`INSERT INTO field_settings (tenant_id, object, field_key, custom, settings)
      VALUES (${tenantId}::uuid, 'opportunity', 'stage', false, ${JSON.stringify({ options })}::jsonb)`.execute(db);
    const accountId = (await sql<{ id: string }>`INSERT INTO accounts (tenant_id, name, owner_id) VALUES (${tenantId}::uuid, '老客户', ${userId}::uuid) RETURNING id`.execute(db)).rows[0]!.id;
    const opp = (await sql<{ id: string }>`INSERT INTO opportunities (tenant_id, name, account_id, stage, owner_id, created_by, created_at)
      VALUES (${tenantId}::uuid, '老项目', ${accountId}::uuid, '谈判审核', ${userId}::uuid, ${userId}::uuid, '2025-01-01T00:00:00Z') RETURNING id`.execute(db)).rows[0]!.id;
    const log = (at: string, action: string, changes: unknown[]) => sql`INSERT INTO audit_log (tenant_id, at, actor_id, object_type, record_id, action, changes)
      VALUES (${tenantId}::uuid, ${at}::timestamptz, ${userId}::uuid, 'opportunity', ${opp}, ${action}, ${JSON.stringify(changes)}::jsonb)`.execute(db);
    await log('2025-01-01T00:00:00Z', 'create', [{ field: 'stage', old: null, new: '初步接洽' }, { field: 'amount', old: null, new: '100.00' }]);
    await log('2025-02-01T00:00:00Z', 'update', [{ field: 'stage', old: '初步接洽', new: '技术交流' }, { field: 'amount', old: '100.00', new: '200.00' }]);
    await log('2025-03-01T00:00:00Z', 'update', [{ field: 'stage', old: '技术交流', new: '谈判审核' }]);

    await migrate(u.toString());

    const stages = await db.selectFrom('sales_stages').select(['value', 'label_en', 'kind', 'win_rate', 'enabled']).where('tenant_id', '=', tenantId).orderBy('sort_order').execute();
    assert.deepEqual(stages.map((s) => [s.value, s.kind, s.win_rate]), [
      ['初步接洽', 'open', 10], ['技术交流', 'open', 50], ['谈判审核', 'open', 80], ['赢单', 'won', 100], ['输单', 'lost', 0],
    ]);
    const reasons = await db.selectFrom('sales_lost_reasons').select('value').where('tenant_id', '=', tenantId).orderBy('sort_order').execute();
    assert.deepEqual(reasons.map((r) => r.value), ['价格', '产品功能', '竞争对手', '预算取消', '其他']);

    const stays = await db.selectFrom('opportunity_stage_history').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    assert.deepEqual(stays.map((s) => [s.stage, s.entered_at.toISOString(), s.left_at?.toISOString() ?? null, s.next_stage]), [
      ['初步接洽', '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '技术交流'],
      ['技术交流', '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', '谈判审核'],
      ['谈判审核', '2025-03-01T00:00:00.000Z', null, null],
    ]);
    assert.ok(stays.every((s) => s.entered_by === userId));
    const events = await db.selectFrom('record_events').select(['kind', 'detail']).where('tenant_id', '=', tenantId).where('record_id', '=', opp).orderBy('id').execute();
    assert.deepEqual(events.filter((e) => e.kind === 'stage_change').map((e) => [e.detail.from, e.detail.to]), [[null, '初步接洽'], ['初步接洽', '技术交流'], ['技术交流', '谈判审核']]);
    assert.deepEqual(events.filter((e) => e.kind === 'forecast_change').map((e) => e.detail.amount), [{ from: null, to: '100.00' }, { from: '100.00', to: '200.00' }]);
  });
});

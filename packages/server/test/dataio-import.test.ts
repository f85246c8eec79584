import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ImportJob } from '@yixiao/core';
import { startTestApp, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';
import { csv, importFile, parseCsv, upload, waitForJob } from './dataio-import-support';

describe('导入: the import runner (duplicate modes, error report, undo, cancel)', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(async () => { await t.close(); });

  /** A company whose lead duplicates are found by mobile, holding two leads (张一 of peer, 李二 of rep). */
  async function company() {
    const org = await createOrg(t);
    const c = await org.clients();
    assert.equal((await c.admin.put('/api/v1/dedupe/rules/lead', { enabled: true, fields: [{ field: 'mobile', match: 'exact' }] })).statusCode, 200);
    const make = async (seat: Seat, body: Record<string, unknown>) => {
      const res = await c[seat].post('/api/v1/lead', body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; version: number };
    };
    const zhang = await make('peer', { name: '张一', companyName: '华为', mobile: '13800000001', title: 'CEO', email: 'zhang@example.com', phone: '010-88880001' });
    const li = await make('rep', { name: '李二', companyName: '腾讯', mobile: '13800000002', title: '旧职务' });
    return { org, c, zhang, li };
  }
  const lead = (id: string) => sql<Record<string, unknown>>`SELECT * FROM leads WHERE id = ${id}::uuid`.execute(t.database.db).then((r) => r.rows[0]);
  const leadsOf = (tenantId: string) => sql<{ name: string; owner_id: string | null }>`SELECT name, owner_id FROM leads WHERE tenant_id = ${tenantId}::uuid ORDER BY name`.execute(t.database.db).then((r) => r.rows);

  const FILE = csv([
    ['姓名', '公司名称', '负责人', '状态', '手机', '职务', '电子邮件'],
    ['张一新', '华为技术', '孙销售', '已联系', '13800000001', '经理', ''], // duplicate of 张一 (mobile)
    ['王五', '阿里', '孙销售', '未处理', '13800000005', '', ''], // new
    ['赵六', '百度', '不存在的人', '未处理', '13800000006', '', ''], // fails: no such user
    ['钱七', '京东', '孙销售', '未处理', '138 0000 0002', '总监', 'qian@example.com'], // duplicate of 李二 (same digits)
  ]);

  it('不导入 (skip): duplicates skipped, new rows created, bad rows failed; nothing existing changes', async () => {
    const { org, c, zhang } = await company();
    const job = await importFile(t, c.admin, 'lead', FILE, { mode: 'skip' });
    assert.deepEqual([job.status, job.total, job.processed, job.created, job.updated, job.skipped, job.failed], ['done', 4, 4, 1, 0, 2, 1]);
    assert.deepEqual((await leadsOf(org.tenantId)).map((l) => l.name), ['张一', '李二', '王五']);
    assert.equal((await lead(zhang.id))!.title, 'CEO');
    assert.equal(job.hasErrorReport, true);
    assert.equal(job.undoable, true);
  });

  it('覆盖导入 (overwrite): duplicates updated (an empty cell blanks, a missing column stays, the owner changes), the rest created', async () => {
    const { org, c, zhang, li } = await company();
    const job = await importFile(t, c.admin, 'lead', FILE, { mode: 'overwrite' });
    assert.deepEqual([job.status, job.created, job.updated, job.skipped, job.failed], ['done', 1, 2, 0, 1]);
    const z = (await lead(zhang.id))!;
    assert.deepEqual([z.name, z.company_name, z.status, z.title, z.email, z.phone, z.owner_id], ['张一新', '华为技术', '已联系', '经理', null, '010-88880001', org.userIds.rep]);
    const l = (await lead(li.id))!;
    assert.deepEqual([l.name, l.title, l.email, l.mobile], ['钱七', '总监', 'qian@example.com', '138 0000 0002']);
    assert.deepEqual((await leadsOf(org.tenantId)).map((r) => r.name), ['张一新', '王五', '钱七']);
    // The operation log has the import's writes, like any edit.
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('record_id', '=', zhang.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['create', 'update', 'transfer']);
  });

  it('仅覆盖重复数据 (overwriteOnly): duplicates updated, nothing created', async () => {
    const { org, c, li } = await company();
    const job = await importFile(t, c.admin, 'lead', FILE, { mode: 'overwriteOnly' });
    assert.deepEqual([job.status, job.created, job.updated, job.skipped, job.failed], ['done', 0, 2, 1, 1]);
    assert.deepEqual((await leadsOf(org.tenantId)).map((r) => r.name), ['张一新', '钱七']);
    assert.equal((await lead(li.id))!.title, '总监');
  });

  it('错误报告: the failed rows under 错误提示 and the original header, with their original cells and reasons', async () => {
    const { c } = await company();
    const job = await importFile(t, c.admin, 'lead', FILE, { mode: 'overwrite' });
    const res = await c.admin.get(`/api/v1/imports/${job.id}/errors`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const rows = parseCsv(res.body);
    assert.deepEqual(rows[0], ['错误提示', '姓名', '公司名称', '负责人', '状态', '手机', '职务', '电子邮件']);
    assert.equal(rows.length, 2);
    const staged = await t.database.db.selectFrom('import_rows').select(['outcome']).where('job_id', '=', job.id).execute();
    assert.deepEqual(staged.map((r) => r.outcome), ['failed'], 'a finished import keeps only the rows its report shows');
    assert.deepEqual(rows[1]!.slice(1), ['赵六', '百度', '不存在的人', '未处理', '13800000006', '', '']);
    assert.match(rows[1]![0]!, /不存在的人/);
    // Someone else's import is not theirs to read.
    assert.equal((await c.rep.get(`/api/v1/imports/${job.id}/errors`)).statusCode, 404);
    assert.equal((await c.rep.get(`/api/v1/imports/${job.id}`)).statusCode, 404);
  });

  it('错误报告 comes in the uploaded format and encoding: GB18030 CSV back as GB18030, XLSX back as XLSX', async () => {
    const { c } = await company();
    const rows = [['姓名', '公司名称', '负责人', '状态'], ['𠀀先生', '某某公司', '查无此人', '未处理']];
    const gbJob = await importFile(t, c.admin, 'lead', iconv.encode(csv(rows).toString('utf8'), 'gb18030'), { encoding: 'gb18030' });
    assert.equal(gbJob.failed, 1);
    const gb = await c.admin.request('GET', `/api/v1/imports/${gbJob.id}/errors`);
    const text = iconv.decode(gb.rawPayload, 'gb18030');
    assert.deepEqual(parseCsv(text)[1]!.slice(1), ['𠀀先生', '某某公司', '查无此人', '未处理']);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('线索');
    for (const r of rows) sheet.addRow(r);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const xlsxJob = await importFile(t, c.admin, 'lead', xlsx, {}, 'leads.xlsx');
    assert.deepEqual([xlsxJob.format, xlsxJob.failed], ['xlsx', 1]);
    const report = await c.admin.request('GET', `/api/v1/imports/${xlsxJob.id}/errors`);
    assert.match(String(report.headers['content-type']), /spreadsheetml/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const texts = (n: number) => [1, 2, 3, 4, 5].map((i) => back.worksheets[0]!.getRow(n).getCell(i).text);
    assert.deepEqual(texts(1), ['错误提示', '姓名', '公司名称', '负责人', '状态']);
    assert.deepEqual(texts(2).slice(1), ['𠀀先生', '某某公司', '查无此人', '未处理']);
    assert.match(texts(2)[0]!, /查无此人/);
  });

  it('a rep cannot overwrite a record they may not edit: that row fails with the reason', async () => {
    const { c, zhang } = await company();
    const job = await importFile(t, c.rep, 'lead', FILE, { mode: 'overwrite' });
    assert.deepEqual([job.created, job.updated, job.failed], [1, 1, 2]);
    assert.equal((await lead(zhang.id))!.name, '张一');
    const rows = parseCsv((await c.rep.get(`/api/v1/imports/${job.id}/errors`)).body);
    assert.match(rows.find((r) => r[1] === '张一新')![0]!, /无权修改/);
  });

  it('撤销导入: created records removed, overwritten ones restored; a record changed since is kept and listed', async () => {
    const { org, c, zhang, li } = await company();
    const job = await importFile(t, c.admin, 'lead', FILE, { mode: 'overwrite' });
    // Someone edits 李二 (now 钱七) after the import: undo must leave it.
    const current = (await lead(li.id))!;
    assert.equal((await c.admin.patch(`/api/v1/lead/${li.id}`, { remark: '导入后修改', version: current.version })).statusCode, 200);
    const res = await c.admin.post(`/api/v1/imports/${job.id}/undo`);
    assert.equal(res.statusCode, 200, res.body);
    const undo = res.json() as { removed: number; restored: number; kept: { recordId: string; name: string; reason: string }[] };
    assert.deepEqual([undo.removed, undo.restored], [1, 1]);
    assert.deepEqual(undo.kept.map((k) => [k.recordId, k.name, k.reason]), [[li.id, '钱七', '导入后已被修改']]);
    const z = (await lead(zhang.id))!;
    assert.deepEqual([z.name, z.company_name, z.status, z.title, z.email, z.owner_id], ['张一', '华为', '未处理', 'CEO', 'zhang@example.com', org.userIds.peer]);
    assert.deepEqual((await leadsOf(org.tenantId)).map((r) => r.name), ['张一', '钱七']);
    const after = (await c.admin.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
    assert.deepEqual([after.status, after.undoable], ['undone', false]);
    assert.equal((await c.admin.post(`/api/v1/imports/${job.id}/undo`)).statusCode, 409);
  });

  it('bad headers answer 400 in the user\'s language and leave no job; an empty sheet too', async () => {
    const { org, c } = await company();
    const res = await upload(t, c.admin, 'lead', 'bad.csv', csv([['姓名', '公司'], ['a', 'b']]));
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, /公司名称/);
    const headerOnly = await upload(t, c.admin, 'lead', 'empty.csv', csv([['姓名', '公司名称', '负责人', '状态']]));
    assert.equal(headerOnly.statusCode, 400, headerOnly.body);
    const jobs = await t.database.db.selectFrom('import_jobs').select('id').where('tenant_id', '=', org.tenantId).execute();
    assert.equal(jobs.length, 0);
    assert.equal((await upload(t, c.admin, 'lead', 'data.txt', csv([['姓名']]))).statusCode, 400);
  });

  it('客户 覆盖导入 keeps 负责人 and 所属公海 (§3.4.3) and writes the other columns', async () => {
    const org = await createOrg(t);
    const c = await org.clients();
    const made = await c.peer.post('/api/v1/account', { name: '北京仁科互动有限公司', phone: '010-1111111', remark: '老备注' });
    assert.equal(made.statusCode, 201, made.body);
    const before = made.json() as { id: string; poolGroupId: string };
    const group = await c.admin.post('/api/v1/pools/account/groups', { name: '华北客户池', everyone: true, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false, recycleIdleDays: null, recycleUnconvertedDays: null });
    assert.equal(group.statusCode, 201, group.body);
    const file = csv([
      ['客户名称', '客户所有人', '公海池分组', '电话', '备注'],
      ['仁科互动', '孙销售', '华北客户池', '010-2222222', ''], // the same company by its name key
      ['新客户有限公司', '孙销售', '华北客户池', '010-3333333', '新'],
    ]);
    const job = await importFile(t, c.admin, 'account', file, { mode: 'overwrite' });
    assert.deepEqual([job.status, job.created, job.updated, job.failed], ['done', 1, 1, 0]);
    const row = (await sql<Record<string, unknown>>`SELECT * FROM accounts WHERE id = ${before.id}::uuid`.execute(t.database.db)).rows[0]!;
    assert.deepEqual([row.name, row.phone, row.remark, row.owner_id, row.pool_group_id], ['仁科互动', '010-2222222', null, org.userIds.peer, before.poolGroupId]);
    const created = (await sql<Record<string, unknown>>`SELECT * FROM accounts WHERE tenant_id = ${org.tenantId}::uuid AND name = '新客户有限公司'`.execute(t.database.db)).rows[0]!;
    assert.deepEqual([created.owner_id, created.pool_group_id], [org.userIds.rep, group.json().id]);
  });

  it('导入线索公海池: rows go to their 所属公海 group unowned and the group\'s auto-assign rules run', async () => {
    const org = await createOrg(t);
    const c = await org.clients();
    const group = await c.admin.post('/api/v1/pools/lead/groups', { name: '自动分配池', everyone: true, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false, recycleIdleDays: null, recycleUnconvertedDays: null });
    assert.equal(group.statusCode, 201, group.body);
    const groupId = group.json().id as string;
    const rule = await c.admin.post(`/api/v1/pools/lead/groups/${groupId}/rules`, {
      name: '北京的给孙销售', enabled: true, conditions: [{ field: 'address', op: 'contains', value: '北京' }], targets: [{ type: 'user', id: org.userIds.rep }],
    });
    assert.equal(rule.statusCode, 201, rule.body);
    const file = csv([
      ['姓名', '公司名称', '状态', '所属公海', '地址'],
      ['甲', '甲公司', '未处理', '自动分配池', '北京市海淀区'],
      ['乙', '乙公司', '未处理', '自动分配池', '上海市'],
      ['丙', '丙公司', '未处理', '自动分配池', '北京市朝阳区'],
      ['丁', '丁公司', '未处理', '自动分配池', '北京市东城区'],
    ]);
    const job = await importFile(t, c.admin, 'lead', file, { mode: 'skip', target: 'pool' });
    assert.deepEqual([job.status, job.created, job.failed], ['done', 4, 0]);
    // One notice for the batch, not one per lead: the rep hears of the three at once.
    const notices = await t.database.db.selectFrom('notifications').select(['title', 'link']).where('tenant_id', '=', org.tenantId).where('user_id', '=', org.userIds.rep).execute();
    assert.deepEqual(notices, [{ title: '公海池分配给您 3 条销售线索：甲、丙、丁 等', link: '/lead' }]);
    const rows = (await sql<{ id: string; name: string; owner_id: string | null; pool_state: string; pool_group_id: string }>`
      SELECT id, name, owner_id, pool_state, pool_group_id FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND name IN ('甲', '乙') ORDER BY name`.execute(t.database.db)).rows;
    assert.deepEqual(rows.map((r) => [r.name, r.owner_id, r.pool_state, r.pool_group_id]), [
      ['乙', null, 'pool', groupId],
      ['甲', org.userIds.rep, 'held', groupId],
    ]);
    const events = await t.database.db.selectFrom('record_events').select(['record_id', 'kind']).where('tenant_id', '=', org.tenantId).orderBy('id').execute();
    assert.deepEqual(events.filter((e) => e.record_id === rows[1]!.id).map((e) => e.kind), ['create_in_pool', 'auto_assign']);
    assert.deepEqual(events.filter((e) => e.record_id === rows[0]!.id).map((e) => e.kind), ['create_in_pool']);
  });

  it('a lead row naming no owner goes to its 所属公海 group instead of failing', async () => {
    const org = await createOrg(t);
    const c = await org.clients();
    const file = csv([['姓名', '公司名称', '负责人', '状态'], ['无主', '无主公司', '', '未处理'], ['有主', '有主公司', '孙销售', '未处理']]);
    const job = await importFile(t, c.admin, 'lead', file, { mode: 'skip' });
    assert.deepEqual([job.created, job.failed], [2, 0]);
    const rows = (await sql<{ name: string; owner_id: string | null; pool_state: string }>`
      SELECT name, owner_id, pool_state FROM leads WHERE tenant_id = ${org.tenantId}::uuid ORDER BY name`.execute(t.database.db)).rows;
    assert.deepEqual(rows.map((r) => [r.name, r.owner_id, r.pool_state]), [['无主', null, 'pool'], ['有主', org.userIds.rep, 'held']]);
  });

  it('describes the import routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ours = ['/api/v1/lead/import', '/api/v1/imports', '/api/v1/imports/{id}', '/api/v1/imports/{id}/cancel', '/api/v1/imports/{id}/errors', '/api/v1/imports/{id}/undo'];
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => ours.includes(p)));
    assert.deepEqual(Object.keys(paths).sort(), [...ours].sort());
    await SwaggerParser.validate({ ...doc, paths });
  });

  it('取消: a cancelled import stops after the batch in hand; finished batches stay and can be undone', async () => {
    const { org, c } = await company();
    const rows = [['姓名', '公司名称', '负责人', '状态', '手机']];
    for (let i = 0; i < 1500; i++) rows.push([`批量${i}`, `公司${i}`, '孙销售', '未处理', `139${String(i).padStart(8, '0')}`]);
    // Hold the leads table so the first batch waits: the cancel arrives while the job runs.
    const blocker = await t.database.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE leads IN SHARE MODE');
    const res = await upload(t, c.admin, 'lead', 'many.csv', csv(rows));
    assert.equal(res.statusCode, 202, res.body);
    const id = (res.json() as ImportJob).id;
    for (let i = 0; i < 100 && (await c.admin.get(`/api/v1/imports/${id}`)).json().status !== 'running'; i++) await new Promise((r) => setTimeout(r, 100));
    const cancel = await c.admin.post(`/api/v1/imports/${id}/cancel`);
    assert.equal(cancel.statusCode, 200, cancel.body);
    await blocker.query('COMMIT');
    blocker.release();
    const job = await waitForJob(c.admin, id);
    assert.equal(job.status, 'cancelled');
    assert.ok(job.processed > 0 && job.processed < 1500, `processed ${job.processed}`);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND name LIKE '批量%'`.execute(t.database.db);
    assert.equal(count.rows[0]!.n, job.created);
    assert.equal((await c.admin.post(`/api/v1/imports/${id}/cancel`)).statusCode, 409);
    const undo = await c.admin.post(`/api/v1/imports/${id}/undo`);
    assert.equal(undo.json().removed, job.created);
  });

  it('stores the upload\'s file name cleaned: no folders, no control or bidi-override characters', async () => {
    const { c } = await company();
    const job = await importFile(t, c.rep, 'lead', FILE, { mode: 'skip' }, '..\\tmp\\客户\u202Evsc.名单\u0007.csv');
    assert.equal(job.fileName, '客户vsc.名单.csv');
  });

  it('查看历史导入日志: the starter sees their imports, administrators everyone\'s', async () => {
    const { c } = await company();
    const mine = await importFile(t, c.rep, 'lead', FILE, { mode: 'skip' });
    const repList = (await c.rep.get('/api/v1/imports?object=lead')).json() as { items: ImportJob[]; total: number };
    assert.deepEqual(repList.items.map((j) => j.id), [mine.id]);
    assert.equal(repList.items[0]!.startedBy.name, '孙销售');
    const adminList = (await c.admin.get('/api/v1/imports')).json() as { items: ImportJob[]; total: number };
    assert.ok(adminList.items.some((j) => j.id === mine.id));
    assert.equal((await c.manager.get('/api/v1/imports')).json().total, 0);
  });
});


import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { ImportJob } from '@yixiao/core';
import { startTestApp, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';
import { csv, importFile, parseCsv, upload } from './dataio-import-support';

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
    assert.deepEqual(rows[1]!.slice(1), ['赵六', '百度', '不存在的人', '未处理', '13800000006', '', '']);
    assert.match(rows[1]![0]!, /不存在的人/);
    // Someone else's import is not theirs to read.
    assert.equal((await c.rep.get(`/api/v1/imports/${job.id}/errors`)).statusCode, 404);
    assert.equal((await c.rep.get(`/api/v1/imports/${job.id}`)).statusCode, 404);
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


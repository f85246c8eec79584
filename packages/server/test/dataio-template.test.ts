import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import ExcelJS from 'exceljs';
import type { ImportRules } from '@yixiao/core';
import { planColumns } from '../src/dataio/read/columns';
import { openSheet } from '../src/dataio/read/open-sheet';
import { loadPrincipal } from '../src/platform/auth/context';
import { openScope } from '../src/records/scope';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

describe('下载数据模板 and the import rules: from the company\'s current fields', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;

  before(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    c = await org.clients();
  });
  after(() => t.close());

  const rules = async (client: Client, object: string, query = '') => {
    const res = await client.get(`/api/v1/${object}/import/rules${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as ImportRules;
  };
  const download = async (client: Client, object: string, format: 'csv' | 'xlsx', query = '') => {
    const res = await client.get(`/api/v1/${object}/import/template?format=${format}${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };
  const workbook = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book;
  };

  it('lists the required columns, every importable column with what it takes, the 查重规则 and the 注意事项', async () => {
    const lead = await rules(c.rep, 'lead');
    assert.deepEqual(lead.requiredColumns, ['姓名', '公司名称', '跟进状态', '销售线索所有人']);
    assert.deepEqual(lead.columns.slice(0, 4).map((col) => [col.label, col.required]), [['姓名', true], ['公司名称', true], ['跟进状态', true], ['销售线索所有人', true]]);
    const labels = lead.columns.map((col) => col.label);
    for (const system of ['创建日期', '创建人', '公海状态', '退回次数', '最新活动记录时间']) assert.ok(!labels.includes(system), system);
    for (const importable of ['手机', '市场活动', '所属公海', '所属部门', '备注']) assert.ok(labels.includes(importable), importable);
    const hint = (label: string) => lead.columns.find((col) => col.label === label)!.hint;
    assert.equal(hint('性别'), '可选：男、女');
    assert.equal(hint('跟进状态'), '可选：未处理、已联系、关闭', 'the disabled 已转换 is not offered');
    assert.equal(hint('所属公海'), '公海池分组名称：默认线索池');
    assert.equal(hint('市场活动'), '已有市场活动的名称');
    assert.equal(hint('销售线索所有人'), '用户姓名，与系统中的用户姓名一致');
    assert.equal(lead.dedupeRule, '公司名称（模糊） 或 手机');
    assert.ok(lead.notes.includes('模板中的表头名称不能更改，表头行不能删除。'));
    assert.ok(lead.notes.includes('列的顺序可以调整，不需要的列可以删除；其中【姓名】、【公司名称】、【跟进状态】、【销售线索所有人】为必填列，必须保留。'));
    assert.ok(lead.notes.includes('查重规则：公司名称（模糊） 或 手机（可在系统设置中配置）。'));
    assert.ok(lead.notes.includes('覆盖导入时负责人也会变更。'), lead.notes.join('\n'));
    assert.ok(lead.notes.includes('系统同一时间只能允许一个用户进行数据导入。'));

    const account = await rules(c.rep, 'account');
    assert.deepEqual(account.requiredColumns, ['客户名称', '所属公海', '客户所有人']);
    assert.ok(account.notes.includes('覆盖导入时【所属公海】、【客户所有人】不会被覆盖。') || account.notes.includes('覆盖导入时【客户所有人】、【所属公海】不会被覆盖。'), account.notes.join('\n'));
    assert.deepEqual((await rules(c.rep, 'contact')).requiredColumns, ['姓名', '客户', '联系人所有人']);
  });

  it('leaves the owner out of a pool import', async () => {
    const pool = await rules(c.rep, 'lead', '?target=pool');
    assert.deepEqual(pool.requiredColumns, ['姓名', '公司名称', '跟进状态']);
    assert.ok(!pool.columns.some((col) => col.key === 'ownerId'));
    assert.ok(pool.notes.includes('导入公海池的数据没有负责人，会按公海池分组的自动分配规则分配。'));
  });

  it('follows the dedupe rules an administrator sets, and answers in the caller\'s language', async () => {
    const put = await c.admin.put('/api/v1/dedupe/rules/contact', { enabled: true, fields: [{ field: 'email', match: 'exact' }] });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal((await rules(c.rep, 'contact')).dedupeRule, '电子邮件');
    await c.admin.put('/api/v1/dedupe/rules/contact', { enabled: false, fields: [{ field: 'email', match: 'exact' }] });
    const off = await rules(c.rep, 'contact');
    assert.equal(off.dedupeRule, null);
    assert.ok(off.notes.includes('未启用查重规则，所有数据都将作为新数据导入。'));

    await t.database.db.updateTable('users').set({ locale: 'en-US' }).where('id', '=', org.userIds.peer).execute();
    const english = await rules(c.peer, 'lead');
    assert.equal(english.dedupeRule, '公司名称 (similar) or 手机');
    assert.equal(english.columns.find((col) => col.key === 'gender')!.hint, 'One of: 男、女');
    assert.ok(english.notes.includes('Only one person in the company can import at a time.'));
  });

  it('writes a CSV template in UTF-8 with a BOM that imports as it is', async () => {
    const res = await download(c.rep, 'lead', 'csv');
    assert.match(res.headers['content-type'] as string, /^text\/csv/);
    assert.match(res.headers['content-disposition'] as string, /filename\*=UTF-8''%E9%94%80%E5%94%AE%E7%BA%BF%E7%B4%A2%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF\.csv/);
    const bytes = res.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const header = bytes.toString('utf8').slice(1).trim().split(',');
    assert.deepEqual(header, (await rules(c.rep, 'lead')).columns.map((col) => col.label));
    // The template plus one row is a file the importer accepts.
    const file = Buffer.concat([bytes, Buffer.from('高姗,北京仁科,未处理,孙销售\r\n')]);
    const sheet = await openSheet(Readable.from([file]), { format: 'csv', encoding: 'gb18030', locale: 'zh-CN' });
    const principal = await loadPrincipal(t.database.db, org.tenantId, org.userIds.rep);
    const scope = await openScope(t.database.db, { ...principal!, via: 'session' }, 'lead');
    assert.equal(planColumns(scope.object, sheet.header, 'zh-CN', 'records').columns.length, header.length);
  });

  it('writes an XLSX template: required headers in red with a note, and a 注意事项 sheet', async () => {
    const res = await download(c.rep, 'account', 'xlsx');
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await workbook(res.rawPayload);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['客户', '选项', '注意事项']);
    assert.equal(book.getWorksheet('选项')!.state, 'hidden');
    const first = book.worksheets[0]!;
    const header = (first.getRow(1).values as unknown[]).slice(1);
    const accountRules = await rules(c.rep, 'account');
    assert.deepEqual(header, accountRules.columns.map((col) => col.label));
    assert.equal(first.getCell('A1').value, '客户名称');
    assert.equal(first.getCell('A1').font?.color?.argb, 'FFFF0000');
    assert.match(String(first.getCell('A1').note), /必填/);
    const level = header.indexOf('客户级别') + 1;
    assert.notEqual(first.getRow(1).getCell(level).font?.color?.argb, 'FFFF0000');
    assert.match(String(first.getRow(1).getCell(level).note), /可选：重点客户、普通客户、非优先客户/);
    assert.equal(first.rowCount, 1, 'no sample rows that would be imported');

    // 客户级别 (a single select) offers its options as a dropdown, listed on the hidden sheet.
    const levelColumn = first.getColumn(level).letter;
    const dropdown = first.getCell(`${levelColumn}2`).dataValidation;
    assert.equal(dropdown?.type, 'list');
    assert.equal(dropdown?.showErrorMessage, true);
    const [, column, from, to] = /^'选项'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(dropdown!.formulae[0]))!;
    const listed = Array.from({ length: Number(to) - Number(from) + 1 }, (_, k) => book.getWorksheet('选项')!.getCell(`${column}${Number(from) + k}`).value);
    assert.deepEqual(listed, accountRules.columns.find((col) => col.label === '客户级别')!.options);
    assert.deepEqual(listed, ['重点客户', '普通客户', '非优先客户']);
    assert.equal(first.getCell(`${levelColumn}10001`).dataValidation?.type, 'list');
    assert.equal(first.getCell('A2').dataValidation, undefined, 'free text columns have no dropdown');
    const notes = book.getWorksheet('注意事项')!;
    const texts = notes.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    assert.ok(texts.includes(`1. ${accountRules.notes[0]}`));
    assert.ok(texts.includes('客户名称'));
  });

  it('follows a custom field an administrator adds, makes required or retires', async () => {
    const added = await c.admin.post('/api/v1/admin/objects/lead/fields', { key: 'cf_wechat', label: { zh: '微信号', en: 'WeChat' }, type: 'text', maxLength: 50 });
    assert.equal(added.statusCode, 201, added.body);
    let lead = await rules(c.rep, 'lead');
    assert.deepEqual(lead.columns.at(-1), { key: 'cf_wechat', label: '微信号', required: false, type: 'text', hint: '最多 50 个字' });
    const csv = (await download(c.rep, 'lead', 'csv')).rawPayload.toString('utf8');
    assert.match(csv, /,微信号\r\n$/);

    assert.equal((await c.admin.patch('/api/v1/admin/objects/lead/fields/cf_wechat', { required: true })).statusCode, 200);
    lead = await rules(c.rep, 'lead');
    assert.deepEqual(lead.requiredColumns, ['姓名', '公司名称', '跟进状态', '销售线索所有人', '微信号']);
    const book = await workbook((await download(c.rep, 'lead', 'xlsx')).rawPayload);
    const cell = book.worksheets[0]!.getCell('E1');
    assert.equal(cell.value, '微信号');
    assert.equal(cell.font?.color?.argb, 'FFFF0000');

    assert.equal((await c.admin.post('/api/v1/admin/objects/lead/fields/cf_wechat/retire')).statusCode, 200);
    assert.ok(!(await rules(c.rep, 'lead')).columns.some((col) => col.key === 'cf_wechat'));
    assert.doesNotMatch((await download(c.rep, 'lead', 'csv')).rawPayload.toString('utf8'), /微信号/);
  });

  it('needs a signed-in user and is described in the OpenAPI document', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/lead/import/rules' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/lead/import/template?format=csv' })).statusCode, 401);
    assert.equal((await c.rep.get('/api/v1/lead/import/template?format=pdf')).statusCode, 400);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/lead/import/template'].get);
    assert.ok(doc.paths['/api/v1/account/import/rules'].get);
    assert.ok(doc.components.schemas.ImportRules);
    // Validated on its own so that another module's half-finished schema cannot hide a fault of ours.
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => /\/import\/(rules|template)$/.test(p)));
    await SwaggerParser.validate({ ...doc, paths });
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PassThrough, Writable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import SwaggerParser from '@apidevtools/swagger-parser';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openSheetWriter } from '../src/dataio/write/open-sheet-writer';
import type { SheetWriterOptions } from '../src/dataio/sheet.types';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Runs the writer into memory and gives back the bytes. */
async function written(options: SheetWriterOptions, rows: (string | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = openSheetWriter(out, options);
  for (const row of rows) await writer.writeRow(row);
  await writer.end();
  return Buffer.concat(chunks);
}

async function readXlsx(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A cell's text whether exceljs read it as rich text, a plain string or a formula. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

const DANGEROUS = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")'];

describe('dataio writer: CSV and XLSX out, streamed and neutralised', () => {
  it('CSV in UTF-8 starts with a BOM, quotes per RFC 4180 and neutralises formulas', async () => {
    const bytes = await written({ format: 'csv', encoding: 'utf-8' }, [
      ['姓名', '备注'],
      ['张三', 'a,"b"\nc'],
      [null, '普通'],
      ...DANGEROUS.map((d) => ['x', d]),
    ]);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    assert.equal(lines[0], '姓名,备注');
    assert.ok(text.includes('张三,"a,""b""\nc"\r\n,普通\r\n'));
    assert.ok(text.includes("x,'=1+1\r\n"));
    assert.ok(text.includes("x,'+SUM(A1)\r\n"));
    assert.ok(text.includes("x,'-2+3\r\n"));
    assert.ok(text.includes("x,'@cmd\r\n"));
    assert.ok(text.includes("x,'\tTAB\r\n"));
    assert.ok(text.includes('x,"\'\rCR"\r\n'), 'a CR inside a cell is quoted after the apostrophe');
    assert.ok(text.includes('x,"\'=HYPERLINK(""http://x"",""y"")"\r\n'));
    assert.ok(text.endsWith('\r\n'));
  });

  it('CSV in GB18030 has no BOM and writes 4-byte characters (𠀀) as GB18030 bytes', async () => {
    const bytes = await written({ format: 'csv', encoding: 'gb18030' }, [['公司名称', '备注'], ['北京仁科互动', '𠀀字'], ['=1', '€']]);
    assert.notEqual(bytes[0], 0xef);
    assert.deepEqual([...iconv.encode('𠀀', 'gb18030')], [0x95, 0x32, 0x82, 0x36], 'U+20000 is the 4-byte sequence 95 32 82 36');
    assert.ok(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36])), 'the 4-byte sequence is in the file');
    assert.ok(bytes.includes(Buffer.from([0xb1, 0xb1, 0xbe, 0xa9])), '北京 in two-byte GB18030');
    assert.equal(iconv.decode(bytes, 'gb18030'), "公司名称,备注\r\n北京仁科互动,𠀀字\r\n'=1,€\r\n");
  });

  it('XLSX: every cell a string cell, formulas neutralised, extra sheets after the first', async () => {
    const bytes = await written({
      format: 'xlsx', encoding: 'utf-8', sheetName: '销售线索',
      extraSheets: [{ name: '注意事项', rows: [['1. 表头不可修改'], ['=2 也不会是公式']] }],
    }, [['姓名', '金额'], ['张三', '12.50'], ...DANGEROUS.map((d) => ['x', d]), ['𠀀', null]]);
    const book = await readXlsx(bytes);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['销售线索', '注意事项']);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.rowCount, 2 + DANGEROUS.length + 1);
    sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell((cell) => {
      assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${cell.address} is no formula`);
      assert.notEqual(cell.type, ExcelJS.ValueType.Number, `${cell.address} is no number`);
    }));
    assert.equal(cellText(sheet.getCell('B2')), '12.50', 'a number stays the text it was');
    // XML reads a CR as a line feed; the apostrophe in front is what matters.
    DANGEROUS.forEach((d, i) => assert.equal(cellText(sheet.getCell(`B${3 + i}`)), `'${d.replace(/\r/g, '\n')}`));
    assert.equal(cellText(sheet.getCell(`A${3 + DANGEROUS.length}`)), '𠀀');
    const notes = book.worksheets[1]!;
    assert.equal(cellText(notes.getCell('A1')), '1. 表头不可修改');
    assert.equal(cellText(notes.getCell('A2')), "'=2 也不会是公式");
  });

  it('waits while the output asks to drain, and memory stays flat over 200,000 XLSX rows', async () => {
    let received = 0;
    let paused = 0;
    // A slow reader: each chunk is taken after a tick, with a small buffer.
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) { received += chunk.length; setImmediate(done); },
    });
    const writer = openSheetWriter(slow, { format: 'xlsx', encoding: 'utf-8' });
    // Retained memory, measured after a full collection, so garbage not yet collected does not count.
    // Buffers (arrayBuffers) count too: a sheet's XML waiting for the compressor is held there.
    const retained = () => { collectGarbage(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const before = retained();
    let peak = 0;
    await writer.writeRow(['姓名', '公司名称', '手机', '备注']);
    for (let i = 0; i < 200_000; i++) {
      if (slow.writableNeedDrain) paused++;
      await writer.writeRow([`客户${i}`, `北京仁科互动${i}有限公司`, `138${String(i).padStart(8, '0')}`, 'x'.repeat(40)]);
      if (i % 20_000 === 19_999) peak = Math.max(peak, retained() - before);
    }
    await writer.end();
    assert.ok(received > 1_000_000, `wrote ${received} bytes`);
    assert.equal(paused, 0, 'the writer never returned while the output still needed draining');
    assert.ok(peak < 16 * 1024 * 1024, `the heap kept ${Math.round(peak / 1e6)} MB`);
  });
});

describe('dataio export routes: what the list shows, as XLSX or CSV', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;

  before(async () => {
    t = await startTestApp();
    ({ org, c } = await signedInOrg(t));
    for (const lead of [
      { name: '=HYPERLINK("http://evil")', companyName: '+cmd|calc', mobile: '13800002222' },
      { name: '𠀀先生', companyName: '北京仁科互动', mobile: '13800003333' },
    ]) assert.equal((await c.rep.post('/api/v1/lead', lead)).statusCode, 201);
    assert.equal((await c.peer.post('/api/v1/lead', { name: '李同事的线索', companyName: '上海机密公司', mobile: '13900004444' })).statusCode, 201);
  });
  after(() => t.close());

  it('CSV by default (UTF-8 with BOM), and a bad filter is an ordinary 400', async () => {
    const res = await c.rep.get('/api/v1/lead/export?view=mine&columns=name,companyName,status&sort=mobile');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/);
    assert.equal(res.body, '\uFEFF姓名,公司名称,跟进状态\r\n"\'=HYPERLINK(""http://evil"")",\'+cmd|calc,未处理\r\n𠀀先生,北京仁科互动,未处理\r\n');
    assert.equal((await c.rep.get('/api/v1/lead/export?filter=%7Bnope')).statusCode, 400);
    assert.equal((await c.rep.get('/api/v1/lead/export?format=pdf')).statusCode, 400);
  });

  it('XLSX: the user\'s columns as string cells, formulas neutralised, named in the user\'s language', async () => {
    const res = await c.rep.get('/api/v1/lead/export?format=xlsx&columns=name,companyName,mobile,ownerId&sort=mobile');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(res.headers['content-disposition']);
    assert.match(disposition, /^attachment; filename="lead-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    assert.match(decodeURIComponent(disposition.split("UTF-8''")[1]!), /^销售线索-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readXlsx(res.rawPayload);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['销售线索']);
    const rows = book.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1).map((v) => cellText({ value: v } as ExcelJS.Cell)));
    assert.deepEqual(rows, [
      ['姓名', '公司名称', '手机', '销售线索所有人'],
      ['\'=HYPERLINK("http://evil")', '\'+cmd|calc', '13800002222', '孙销售'],
      ['𠀀先生', '北京仁科互动', '13800003333', '孙销售'],
    ]);
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => assert.equal(cell.type, ExcelJS.ValueType.RichText, `${cell.address} is a string cell`)));
  });

  it('CSV in GB18030: no BOM, 𠀀 as its four bytes, the charset said', async () => {
    const res = await c.rep.get('/api/v1/lead/export?format=csv&encoding=gb18030&columns=name,companyName&sort=mobile');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/csv; charset=GB18030');
    assert.match(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), /^销售线索-.*\.csv$/);
    const bytes = res.rawPayload;
    assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36])));
    assert.equal(iconv.decode(bytes, 'gb18030'), '姓名,公司名称\r\n"\'=HYPERLINK(""http://evil"")",\'+cmd|calc\r\n𠀀先生,北京仁科互动\r\n');
  });

  it('only records the user may see: the rep\'s export lacks a colleague\'s lead, the director\'s has it', async () => {
    for (const format of ['xlsx', 'csv']) {
      const names = async (client: Client) => {
        const res = await client.get(`/api/v1/lead/export?format=${format}&view=all&columns=companyName`);
        assert.equal(res.statusCode, 200, res.body);
        if (format === 'csv') return res.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).sort();
        const sheet = (await readXlsx(res.rawPayload)).worksheets[0]!;
        return sheet.getColumn(1).values.slice(2).map((v) => cellText({ value: v } as ExcelJS.Cell)).sort();
      };
      assert.deepEqual(await names(c.rep), ["'+cmd|calc", '北京仁科互动'], format);
      assert.deepEqual(await names(c.peer), ['上海机密公司'], format);
      assert.deepEqual(await names(c.director), ["'+cmd|calc", '上海机密公司', '北京仁科互动'], format);
    }
  });

  it('a filter narrows the export like the list', async () => {
    const filter = encodeURIComponent(JSON.stringify({ and: [{ field: 'companyName', op: 'contains', value: '仁科' }] }));
    const res = await c.director.get(`/api/v1/lead/export?filter=${filter}&columns=name`);
    assert.equal(res.body, '\uFEFF姓名\r\n𠀀先生\r\n');
  });

  it('date-times are written in the company\'s time zone (Asia/Shanghai), to the minute', async () => {
    const lead = (await c.rep.post('/api/v1/lead', { name: '时区测试', companyName: '时区公司' })).json() as { createdAt: string };
    await c.rep.patch(`/api/v1/lead/${(lead as unknown as { id: string }).id}`, { version: 1, title: 'x' });
    const shanghai = new Date(new Date(lead.createdAt).getTime() + 8 * 3600_000).toISOString();
    const res = await c.rep.get(`/api/v1/lead/export?columns=name,createdAt&filter=${encodeURIComponent(JSON.stringify({ and: [{ field: 'name', op: 'eq', value: '时区测试' }] }))}`);
    assert.equal(res.body, `\uFEFF姓名,创建日期\r\n时区测试,${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}\r\n`);
  });

  it('a pool list exports its group\'s records to the group\'s members only', async () => {
    const group = await c.admin.post('/api/v1/pools/lead/groups', {
      name: '导出测试池', everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false,
      recycleIdleDays: null, recycleUnconvertedDays: null,
    });
    assert.equal(group.statusCode, 201, group.body);
    const gid = group.json().id as string;
    assert.equal((await c.admin.put(`/api/v1/pools/lead/groups/${gid}/members`, { members: [{ userId: org.userIds.manager, isAdmin: true }] })).statusCode, 200);
    assert.equal((await c.manager.post('/api/v1/pools/lead/records', { name: '池中线索', companyName: '=池中公司', poolGroupId: gid })).statusCode, 201);

    const res = await c.manager.get(`/api/v1/pools/lead/records/export?groupId=${gid}&format=xlsx&columns=name,companyName,poolGroupId`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), /^销售线索公海池-.*\.xlsx$/);
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0]!;
    assert.deepEqual(sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1).map((v) => cellText({ value: v } as ExcelJS.Cell))),
      [['姓名', '公司名称', '所属公海'], ['池中线索', "'=池中公司", '导出测试池']]);
    for (const client of [c.rep, c.peer]) {
      const theirs = await client.get(`/api/v1/pools/lead/records/export?groupId=${gid}&columns=name`);
      assert.equal(theirs.statusCode, 200);
      assert.equal(theirs.body, '\uFEFF姓名\r\n', 'a non-member\'s export has the header only');
    }
  });

  it('describes the export routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ours = ['/api/v1/lead/export', '/api/v1/account/export', '/api/v1/pools/lead/records/export', '/api/v1/activity-records/export'];
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => ours.includes(p)));
    assert.deepEqual(Object.keys(paths).sort(), [...ours].sort());
    const params = (paths['/api/v1/lead/export'] as { get: { parameters: { name: string }[] } }).get.parameters.map((p) => p.name);
    for (const name of ['format', 'encoding', 'view', 'viewId', 'filter', 'sort', 'columns']) assert.ok(params.includes(name), name);
    await SwaggerParser.validate({ ...doc, paths });
  });

  it('活动记录 export offers the same formats through the same writer', async () => {
    const lead = (await c.rep.get('/api/v1/lead?view=mine')).json().items[0].id as string;
    assert.equal((await c.rep.post(`/api/v1/lead/${lead}/activities`, { type: '电话', content: '@所有人 回电' })).statusCode, 201);
    const xlsx = await c.rep.get('/api/v1/activity-records/export?format=xlsx');
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.match(decodeURIComponent(String(xlsx.headers['content-disposition']).split("UTF-8''")[1]!), /^活动记录-.*\.xlsx$/);
    const sheet = (await readXlsx(xlsx.rawPayload)).worksheets[0]!;
    assert.equal(sheet.name, '活动记录');
    assert.deepEqual((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => cellText({ value: v } as ExcelJS.Cell)), ['时间', '类型', '内容', '记录人', '部门', '关联对象', '关联记录']);
    assert.equal(cellText(sheet.getCell('C2')), "'@所有人 回电");
    const gb = await c.rep.get('/api/v1/activity-records/export?format=csv&encoding=gb18030');
    assert.match(iconv.decode(gb.rawPayload, 'gb18030'), /'@所有人 回电/);
    void org;
  });
});

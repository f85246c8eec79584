import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Locale, TextEncoding } from '@yixiao/core';
import { openSheet } from '../src/dataio/read/open-sheet';
import type { SheetRow, SheetSource } from '../src/dataio/sheet.types';
import { AppError } from '../src/platform/http/errors';
import { t } from '../src/platform/i18n/messages';

const csv = (bytes: Buffer | string, encoding: TextEncoding = 'gb18030', locale: Locale = 'zh-CN') =>
  openSheet(Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]), { format: 'csv', encoding, locale });
const xlsx = (bytes: Buffer) => openSheet(Readable.from([bytes]), { format: 'xlsx', encoding: 'gb18030', locale: 'zh-CN' });
const gb = (text: string) => iconv.encode(text, 'gb18030');
const BOM = '\uFEFF';

async function all(source: SheetSource): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** Asserts a 400 whose message, in the given language, says what is wrong. */
async function refuses(promise: Promise<unknown>, key: string, text: RegExp, locale: Locale = 'zh-CN') {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, 400);
    assert.equal(e.messageKey, key);
    assert.match(t(locale, e.messageKey, e.params), text);
    return true;
  });
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading import files: CSV in GB18030 and UTF-8, XLSX, streamed', () => {
  const text = '姓名,公司名称,备注\r\n高姗,"北京𠀀科技,有限公司","第一行\r\n第二行"\r\n贝刚,上海仁科\r\n';

  it('reads GB18030 (the default) with 4-byte characters, quoted commas and newlines, CRLF and short rows', async () => {
    const source = await csv(gb(text));
    assert.deepEqual(source.header, ['姓名', '公司名称', '备注']);
    assert.deepEqual(source.notices, []);
    assert.deepEqual(await all(source), [
      { line: 2, cells: ['高姗', '北京𠀀科技,有限公司', '第一行\r\n第二行'] },
      // The quoted newline makes the record two lines long; the next one starts on line 4.
      { line: 4, cells: ['贝刚', '上海仁科'] },
    ]);
  });

  it('reads UTF-8 with and without a BOM; a BOM overrides GB18030 and says so', async () => {
    for (const bytes of [text, BOM + text]) {
      const rows = await all(await csv(bytes, 'utf-8'));
      assert.equal(rows[0]!.cells[1], '北京𠀀科技,有限公司');
    }
    const source = await csv(BOM + text, 'gb18030');
    assert.deepEqual(source.header, ['姓名', '公司名称', '备注']);
    assert.deepEqual(source.notices, ['文件带有 UTF-8 BOM 标记，已按 UTF-8 编码读取']);
    assert.equal((await all(source))[0]!.cells[1], '北京𠀀科技,有限公司');
    assert.deepEqual((await csv(BOM + text, 'gb18030', 'en-US')).notices, ['The file starts with a UTF-8 BOM and was read as UTF-8']);
  });

  it('refuses a file whose chosen encoding is wrong rather than importing garbled text', async () => {
    await refuses(csv(gb(text), 'utf-8'), 'dataio.read.not_utf8', /不是 UTF-8 编码.*GB18030/);
    await refuses(csv(Buffer.from(text), 'gb18030'), 'dataio.read.looks_utf8', /UTF-8 编码.*乱码/);
    await refuses(csv(Buffer.from(text), 'gb18030', 'en-US'), 'dataio.read.looks_utf8', /looks like UTF-8/, 'en-US');
    // The first non-ASCII bytes decide, even past the first 64 KB.
    const late = Buffer.concat([Buffer.from('name,company\n' + 'Zhang San,Beijing Renke\n'.repeat(4000)), Buffer.from('李四,上海仁科\n')]);
    const lateChunks = [late.subarray(0, 70_000), late.subarray(70_000)];
    await refuses(openSheet(Readable.from(lateChunks), { format: 'csv', encoding: 'gb18030', locale: 'zh-CN' }).then(all), 'dataio.read.looks_utf8', /UTF-8 编码.*乱码/);
    // ASCII reads the same either way.
    assert.deepEqual((await csv('name,company\nA,B\n', 'gb18030')).header, ['name', 'company']);
    // A bad byte after the first 64 KB stops a UTF-8 read with the line near it.
    const long = Buffer.concat([Buffer.from('姓名,公司名称\n'), Buffer.from('张三,北京仁科\n'.repeat(8000)), gb('李四,上海\n')]);
    await refuses(csv(long, 'utf-8').then(all), 'dataio.read.bad_utf8_at', /第 8002 行附近不是有效的 UTF-8/);
  });

  it('reads quotes as Excel writes them: doubled inside quoted cells, literal in unquoted ones; LF and CR line ends', async () => {
    const rows = await all(await csv('姓名,备注\n"张""三""",5"屏幕\r李四,"引号""后"文字\r\n王五,"a\rb"\n赵六,末行无换行', 'utf-8'));
    assert.deepEqual(rows, [
      { line: 2, cells: ['张"三"', '5"屏幕'] },
      { line: 3, cells: ['李四', '引号"后文字'] },
      { line: 4, cells: ['王五', 'a\rb'] },
      { line: 6, cells: ['赵六', '末行无换行'] },
    ]);
  });

  it('reads records that straddle the chunks a stream arrives in', async () => {
    const bytes = gb('姓名,公司名称,备注\r\n' + '高姗,"北京𠀀科技,有限公司","第一行\r\n第""二""行"\r\n'.repeat(200));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const rows = await all(await openSheet(Readable.from(chunks), { format: 'csv', encoding: 'gb18030', locale: 'zh-CN' }));
    assert.equal(rows.length, 200);
    assert.deepEqual(rows[199], { line: 2 + 199 * 2, cells: ['高姗', '北京𠀀科技,有限公司', '第一行\r\n第"二"行'] });
  });

  it('keeps the extra cells of a ragged row (the converter refuses that row) and drops empty trailing ones', async () => {
    const rows = await all(await csv('姓名,公司名称\n张三,北京,多出来的\n李四,上海,,\n\n,,\n王五\n', 'utf-8'));
    assert.deepEqual(rows, [
      { line: 2, cells: ['张三', '北京', '多出来的'] },
      { line: 3, cells: ['李四', '上海'] },
      { line: 6, cells: ['王五'] },
    ]);
  });

  it('refuses files that are no sheet: empty, header only, blank or repeated header names, unclosed quotes', async () => {
    await refuses(csv(''), 'dataio.read.empty_file', /文件是空的/);
    await refuses(csv(BOM + '\r\n\r\n', 'utf-8'), 'dataio.read.empty_file', /文件是空的/);
    await refuses(csv('姓名,公司名称\r\n', 'utf-8'), 'dataio.read.header_only', /只有表头/);
    await refuses(csv('姓名,公司名称\r\n,\r\n\r\n', 'utf-8'), 'dataio.read.header_only', /只有表头/);
    await refuses(csv('姓名,,公司名称\r\n张三,,北京\r\n', 'utf-8'), 'dataio.read.blank_header', /第 2 列的名称为空/);
    await refuses(csv('姓名,公司名称, 姓名 \r\n张三,北京,张三\r\n', 'utf-8'), 'dataio.read.duplicate_header', /“姓名”出现了不止一次/);
    await refuses(csv('姓名,公司名称\r\n张三,"北京\r\n', 'utf-8').then(all), 'dataio.read.bad_csv', /第 2 行的 CSV 格式有误：引号没有成对/);
    // Trailing empty header cells are no problem.
    assert.deepEqual((await csv('姓名,公司名称,,\r\n张三,北京\r\n', 'utf-8')).header, ['姓名', '公司名称']);
  });

  it('refuses binary files renamed .csv, XLSX and old XLS files given as CSV, and XLSX files that are not zips', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    await refuses(csv(png), 'dataio.read.binary', /不是文本格式的 CSV/);
    const book = await workbook((wb) => wb.addWorksheet('线索').addRow(['姓名']));
    await refuses(csv(book), 'dataio.read.xlsx_as_csv', /Excel（XLSX）文件/);
    await refuses(csv(Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(64), 'hex')), 'dataio.read.xls_old', /旧版 Excel/);
    await refuses(csv(Buffer.from('fffe4b006d00', 'hex')), 'dataio.read.utf16', /UTF-16/);
    await refuses(xlsx(Buffer.from('姓名,公司名称\r\n张三,北京\r\n')), 'dataio.read.not_xlsx', /不是有效的 XLSX/);
    await refuses(xlsx(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)])), 'dataio.read.not_xlsx', /不是有效的 XLSX/);
    await refuses(xlsx(Buffer.alloc(0)), 'dataio.read.empty_file', /文件是空的/);
  });

  it('reads the first worksheet of an XLSX: dates, date-times, formulas, rich text, numbers, serial numbers', async () => {
    const book = await workbook((wb) => {
      const sheet = wb.addWorksheet('线索');
      sheet.addRow(['姓名', '成立日期', '下次联系', '员工人数', '公司名称', '手机', '是否重点', '占比', '序号日期']);
      sheet.addRow([
        { richText: [{ text: '高' }, { font: { bold: true }, text: '姗' }] },
        new Date(Date.UTC(2024, 2, 5)),
        new Date(Date.UTC(2024, 2, 5, 9, 30)),
        1234.5,
        { formula: 'CONCATENATE("北京","仁科")', result: '北京仁科' },
        13800138000,
        true,
        0.15,
        45356,
      ]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd hh:mm';
      sheet.getCell('H2').numFmt = '0%';
      sheet.addRow([]);
      sheet.addRow(['贝刚', '2024/3/6']);
      wb.addWorksheet('说明').addRow(['这张表不导入']);
    });
    const source = await xlsx(book);
    assert.deepEqual(source.header, ['姓名', '成立日期', '下次联系', '员工人数', '公司名称', '手机', '是否重点', '占比', '序号日期']);
    assert.deepEqual(source.notices, ['文件有 2 个工作表，只导入了第一个工作表“线索”']);
    assert.deepEqual(await all(source), [
      { line: 2, cells: ['高姗', '2024-03-05', '2024-03-05 09:30', '1234.5', '北京仁科', '13800138000', 'TRUE', '15%', '45356'] },
      { line: 4, cells: ['贝刚', '2024/3/6'] },
    ]);
  });

  it('refuses an XLSX whose sheet is empty or holds a header only', async () => {
    await refuses(xlsx(await workbook((wb) => wb.addWorksheet('空'))), 'dataio.read.empty_file', /文件是空的/);
    await refuses(xlsx(await workbook((wb) => wb.addWorksheet('表').addRow(['姓名', '公司名称']))), 'dataio.read.header_only', /只有表头/);
  });

  it('streams a 200 MB CSV: the heap stays far below the file size', async () => {
    // Rows of about 400 bytes (a long 备注), so the test measures streaming rather than per-row overhead.
    const line = Buffer.from(`张三,北京仁科互动网络技术有限公司,13800138000,"备注，含逗号${'：客户希望下周安排上门演示并提供报价单'.repeat(6)}",2024-03-05,信息技术\r\n`);
    const rowsWanted = Math.ceil((200 * 1024 * 1024) / line.length);
    const perChunk = 1000;
    async function* generate() {
      yield Buffer.from('姓名,公司名称,手机,备注,日期,行业\r\n');
      const chunk = Buffer.concat(Array.from({ length: perChunk }, () => line));
      for (let i = 0; i < rowsWanted / perChunk; i++) yield chunk;
    }
    // Measured after a full collection each time, so the figure is what the reader holds, not garbage.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    const source = await openSheet(Readable.from(generate()), { format: 'csv', encoding: 'utf-8', locale: 'zh-CN' });
    for await (const row of source.rows) {
      count++;
      if (count % 100_000 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); }
      if (count === 1) assert.match(row.cells[3]!, /^备注，含逗号：客户希望/);
    }
    assert.equal(count, Math.ceil(rowsWanted / perChunk) * perChunk);
    const grew = (peak - before) / 1024 / 1024;
    assert.ok(grew < 16, `heap grew by ${grew.toFixed(1)} MB while reading 200 MB`);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** What the list shows: its column titles and each row's cell texts (blank cells as ''). */
async function shownTable(page: Page) {
  const table = page.getByTestId('list-table');
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const rows = await table.locator('tbody tr.ant-table-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  // Only the data columns: the selection checkbox and the column-settings columns have no title.
  const keep = headers.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  return {
    headers: keep.map((i) => headers[i]!),
    rows: rows.map((cells) => keep.map((i) => (cells[i] === '—' ? '' : cells[i]!))),
  };
}

const textOf = (value: ExcelJS.CellValue): string =>
  value && typeof value === 'object' && 'richText' in value ? value.richText.map((r) => r.text).join('') : value == null ? '' : String(value);

describe('导出 in the browser: the lead list as an Excel file', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let dir: string;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    dir = await mkdtemp(path.join(os.tmpdir(), 'yixiao-export-e2e-'));
    const rep = await apiAs(t, org.logins.rep);
    const peer = await apiAs(t, org.logins.peer);
    for (const lead of [
      { name: '陈一', companyName: '北京仁科互动', mobile: '13800000001', status: '已联系' },
      { name: '=1+2', companyName: '@公式公司', mobile: '13800000002' },
      { name: '𠀀先生', companyName: '上海新科技', mobile: '13800000003', title: '采购经理' },
    ]) await rep.create('/api/v1/lead', lead);
    await peer.create('/api/v1/lead', { name: '看不见', companyName: '华东机密公司' });
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a rep downloads Excel (.xlsx) from the 导出 menu and the file holds what the list shows', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.getByTestId('main-menu').getByText('销售线索', { exact: true }).click();
    await page.getByTestId('list-title').filter({ hasText: '销售线索' }).waitFor();
    await page.getByTestId('list-table').getByText('𠀀先生', { exact: true }).waitFor();
    const shown = await shownTable(page);
    assert.equal(shown.rows.length, 3, 'the rep sees their three leads, not the colleague\'s');

    await page.getByTestId('export-list').click();
    for (const label of ['Excel 工作簿（.xlsx）', 'CSV（UTF-8）', 'CSV（GB18030，简体中文 Excel）']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-menu.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-list-xlsx').click()]);
    assert.match(download.suggestedFilename(), /^销售线索-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await readFile(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.name, '销售线索');
    const values = (sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((row) => {
      const cells = Array.from(row.slice(1), textOf); // a row's empty cells are holes
      while (cells.length < shown.headers.length) cells.push('');
      return cells;
    });
    assert.deepEqual(values[0], shown.headers, 'the list\'s columns, in its order, with its titles');
    assert.equal(values.length - 1, shown.rows.length);
    // Cell by cell as the list shows them; date-times are written in the company's time zone, which
    // this browser need not share, so they are compared by shape.
    const timeColumn = shown.headers.indexOf('创建日期');
    shown.rows.forEach((shownRow, r) => shownRow.forEach((text, col) => {
      const cell = values[r + 1]![col]!;
      if (col === timeColumn) assert.match(cell, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      else assert.equal(cell, text.startsWith('=') || text.startsWith('@') ? `'${text}` : text, `row ${r + 1} ${shown.headers[col]}`);
    }));
    assert.ok(values.some((row) => row.includes("'=1+2")), 'a formula-like name is written as text');
    assert.ok(!values.flat().includes('看不见'));
  });
});

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

const HEADER = ['姓名', '公司名称', '负责人', '状态', '手机', '性别'];

/** Cells to CSV text the way Excel writes it: quoted only where needed, CRLF line ends. */
const toCsv = (rows: string[][]) =>
  rows.map((row) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

/** What Excel saves on a Chinese Windows: GB18030 (𠀀 is one of its four-byte characters). */
const gb18030 = (rows: string[][]) => iconv.encode(toCsv(rows), 'gb18030');

/** The header row of the 数据模板 the dialog offers as CSV (UTF-8 with BOM). */
async function templateHeader(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template-csv').click()]);
  const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  return (parse(text, { to_line: 1 }) as string[][])[0]!;
}

/** Chooses a file in the dialog's hidden file input, as the 添加文件 button does. */
async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByTestId('import-file-name').filter({ hasText: name }).waitFor();
}

describe('导入销售线索 in the browser: a GB18030 file with errors, its error report, the fix and the upload again (§3.2.2, §3.3.2)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  it('a rep imports six leads of which two fail, downloads the 错误报告, fixes the two rows and imports them; all six are stored and listed', async () => {
    const rows = [
      ['陈一', '北京星河科技', '孙销售', '未处理', '13800000001', '男'],
      ['林二', '上海𠀀云计算', '孙销售', '已联系', '13800000002', '女'],
      ['黄三', '', '孙销售', '未处理', '13800000003', '男'],
      ['吴四', '深圳前海贸易', '孙销售', '未处理', '13800000004', '男'],
      ['郑五', '杭州西湖电子', '不存在的人', '未处理', '13800000005', '女'],
      ['王六', '成都天府软件', '孙销售', '关闭', '13800000006', '男'],
    ];
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/lead');
    await page.getByTestId('list-title').waitFor();
    await page.getByTestId('import-open').filter({ hasText: '导入销售线索' }).click();
    // The dialog's body; its footer buttons (开始导入 …) are the page's.
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-setup').waitFor();

    // 一、the template's rules: the required columns of §3.2.2 are named.
    await dialog.getByTestId('import-notes-toggle').click();
    const notes = dialog.getByTestId('import-notes');
    await notes.getByTestId('import-columns').waitFor();
    const required = await notes.getByTestId('import-column-required').allTextContents();
    assert.deepEqual(required.map((c) => c.replace('必填', '')).sort(), ['姓名', '公司名称', '跟进状态', '销售线索所有人'].sort());
    assert.match(await notes.textContent() ?? '', /查重规则：公司名称（模糊） 或 手机/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-notes.png` });
    const template = await templateHeader(page);
    assert.ok([/姓名/, /公司名称/, /所有人|负责人/, /状态/].every((c) => template.some((h) => c.test(h))), template.join(','));
    // 二、不导入 is the default; choosing 覆盖导入 warns that empty cells blank fields, 不导入 does not.
    await chooseOption(page, dialog.getByTestId('import-mode'), '覆盖导入');
    await dialog.getByTestId('import-blank-warning').waitFor();
    await chooseOption(page, dialog.getByTestId('import-mode'), /^不导入$/);
    await dialog.getByTestId('import-blank-warning').waitFor({ state: 'detached' });

    // A file whose header is not the template's is refused whole, and the dialog says why.
    await chooseFile(page, '旧表格.csv', gb18030([['姓名', '公司', '负责人', '状态'], ['陈一', '北京星河科技', '孙销售', '未处理']]));
    await page.getByTestId('import-start').click();
    await dialog.getByTestId('import-error').filter({ hasText: '无法导入该文件' }).filter({ hasText: /表头有误.*“公司”.*缺少必填列.*“公司名称”/ }).waitFor();
    assert.equal(await dialog.getByTestId('import-setup').count(), 1, 'the dialog stays on 上传文档');

    // 三、the file; read as UTF-8 it would be garbled, and the dialog says so before the upload.
    await chooseFile(page, '线索.csv', gb18030([HEADER, ...rows]));
    assert.equal(await dialog.getByTestId('import-error').count(), 0, 'another file, another try: the refusal is gone');
    await chooseOption(page, dialog.getByTestId('import-encoding'), 'UTF-8');
    await dialog.getByTestId('import-encoding-notUtf8').waitFor();
    await chooseOption(page, dialog.getByTestId('import-encoding'), 'GB18030(简体中文)');
    await dialog.getByTestId('import-encoding-notUtf8').waitFor({ state: 'detached' });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-setup.png` });
    await page.getByTestId('import-start').click();

    const outcome = dialog.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    assert.equal(await outcome.getAttribute('data-status'), 'done');
    assert.equal(await dialog.getByTestId('import-outcome-summary').textContent(), '成功 4 条，失败 2 条');
    await dialog.getByText('将“错误提示”列删除', { exact: false }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-outcome.png` });

    // 下载错误报告: the failed rows with their own columns, 错误提示 first, in the file's encoding.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('import-error-report').click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const reportText = iconv.decode(await readFile(await download.path()), 'gb18030').replace(/^\uFEFF/, '');
    const report = parse(reportText, { relax_column_count: true }) as string[][];
    assert.deepEqual(report[0], ['错误提示', ...HEADER]);
    assert.equal(report.length, 3, reportText);
    const [huang, zheng] = [report[1]!, report[2]!];
    assert.deepEqual(huang.slice(1), rows[2]);
    assert.match(huang[0]!, /公司名称不能为空/);
    assert.deepEqual(zheng.slice(1), rows[4]);
    assert.match(zheng[0]!, /负责人.*不存在的人.*不存在/);

    // The fix (§3.2.2): fill in the rows, delete the 错误提示 column, save and upload again.
    const fixed = report.slice(1).map((row) => row.slice(1));
    fixed[0]![1] = '广州珠江物流';
    fixed[1]![2] = '孙销售';
    await page.getByTestId('import-again').click();
    await dialog.getByTestId('import-setup').waitFor();
    await chooseFile(page, '线索-修改后.csv', gb18030([report[0]!.slice(1), ...fixed]));
    await page.getByTestId('import-start').click();
    await outcome.waitFor({ timeout: 60_000 });
    assert.equal(await dialog.getByTestId('import-outcome-summary').textContent(), '成功 2 条，失败 0 条');
    assert.equal(await dialog.getByTestId('import-error-report').count(), 0, 'nothing failed: no error report to download');

    // 查看历史导入日志: both imports, newest first.
    await page.getByTestId('import-history').click();
    const log = page.getByTestId('import-log');
    await log.getByTestId('import-log-row').nth(1).waitFor();
    const files = await log.getByTestId('import-log-row').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    assert.match(files[0]!, /线索-修改后\.csv.*孙销售|孙销售.*线索-修改后\.csv/);
    assert.match(files[1]!, /线索\.csv/);
    assert.equal(await log.getByTestId('import-log-row').nth(1).getByTestId('import-log-errors').count(), 1, 'the first import keeps its error report');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-log.png` });
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });

    // The six leads are stored, the rep's, with the four-byte character intact, and on the list.
    await page.getByTestId('import-finish').click();
    const stored = (await sql<{ name: string; company_name: string; owner_id: string; status: string; mobile: string }>`
      SELECT name, company_name, owner_id, status, mobile FROM leads WHERE tenant_id = ${org.tenantId}::uuid ORDER BY mobile`.execute(t.database.db)).rows;
    assert.deepEqual(stored.map((l) => [l.name, l.company_name, l.status, l.mobile]), [
      ['陈一', '北京星河科技', '未处理', '13800000001'],
      ['林二', '上海𠀀云计算', '已联系', '13800000002'],
      ['黄三', '广州珠江物流', '未处理', '13800000003'],
      ['吴四', '深圳前海贸易', '未处理', '13800000004'],
      ['郑五', '杭州西湖电子', '未处理', '13800000005'],
      ['王六', '成都天府软件', '关闭', '13800000006'],
    ]);
    assert.ok(stored.every((l) => l.owner_id === org.userIds.rep));
    const links = page.getByTestId('list-table').getByTestId('record-link');
    for (const name of ['陈一', '林二', '黄三', '吴四', '郑五', '王六']) await links.filter({ hasText: name }).first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-list.png` });
    await page.context().close();
  });

  it('导入线索公海池 from the pool page: the rows wait unowned in their group; while a colleague imports, the dialog says who; 撤销导入 removes what the import made', async () => {
    const admin = await apiAs(t, org.logins.admin);
    const group = await admin.post('/api/v1/pools/lead/groups', {
      name: '华东线索池', everyone: true, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false, recycleIdleDays: null, recycleUnconvertedDays: null,
    });
    assert.equal(group.statusCode, 201, group.body);
    const groupId = group.json().id as string;

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/lead-pool');
    await page.getByTestId('pool-page').waitFor();
    await page.getByTestId('import-open').filter({ hasText: '导入线索公海池' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-setup').waitFor();
    await page.locator('.ant-modal-title').filter({ hasText: '导入销售线索公海池' }).waitFor();
    const template = await templateHeader(page);
    assert.ok(template.some((h) => h.includes('所属公海')), template.join(','));
    assert.ok(!template.some((h) => h.includes('负责人') || h.includes('所有人')), `a pooled lead has no owner: ${template.join(',')}`);

    // A "CSV UTF-8" file from Excel: its BOM says how to read it, whatever the encoding chosen.
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv([
      ['姓名', '公司名称', '状态', '所属公海', '手机'],
      ['冯七', '南京紫金信息', '未处理', '华东线索池', '13900000007'],
      ['褚八', '苏州园区制造', '未处理', '华东线索池', '13900000008'],
    ]), 'utf8')]);
    await chooseFile(page, '公海线索.csv', file);
    await dialog.getByTestId('import-encoding-bom').waitFor();
    await page.getByTestId('import-start').click();
    await dialog.getByTestId('import-outcome').waitFor({ timeout: 60_000 });
    assert.equal(await dialog.getByTestId('import-outcome-summary').textContent(), '成功 2 条，失败 0 条');
    await dialog.getByTestId('import-outcome-notices').filter({ hasText: 'UTF-8' }).waitFor();
    await page.getByTestId('import-finish').click();
    const links = page.getByTestId('list-table').getByTestId('record-link');
    await links.filter({ hasText: '冯七' }).waitFor();
    await links.filter({ hasText: '褚八' }).waitFor();
    const pooled = async () => (await sql<{ name: string; owner_id: string | null; pool_state: string; pool_group_id: string }>`
      SELECT name, owner_id, pool_state, pool_group_id FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND mobile LIKE '139%' ORDER BY mobile`.execute(t.database.db)).rows;
    assert.deepEqual((await pooled()).map((l) => [l.name, l.owner_id, l.pool_state, l.pool_group_id]), [
      ['冯七', null, 'pool', groupId],
      ['褚八', null, 'pool', groupId],
    ]);

    // 系统同一时间只能允许一个用户进行数据导入: a colleague's import holds the company's slot.
    const busy = (await sql<{ id: string }>`
      INSERT INTO import_jobs (tenant_id, object, target, file_name, format, encoding, mode, status, total, processed, started_by)
      VALUES (${org.tenantId}::uuid, 'account', 'records', '客户名单.csv', 'csv', 'gb18030', 'skip', 'running', 1000, 400, ${org.userIds.peer}::uuid)
      RETURNING id`.execute(t.database.db)).rows[0]!;
    await page.getByTestId('import-open').click();
    await dialog.getByTestId('import-setup').waitFor();
    await chooseFile(page, '公海线索.csv', file);
    await page.getByTestId('import-start').click();
    await dialog.getByTestId('import-busy').filter({ hasText: '李同事 正在导入数据' }).waitFor();
    assert.equal(await dialog.getByTestId('import-setup').count(), 1, 'the dialog stays on 上传文档, the file still chosen');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-busy.png` });
    await sql`DELETE FROM import_jobs WHERE tenant_id = ${org.tenantId}::uuid AND id = ${busy.id}::uuid`.execute(t.database.db);

    // 撤销导入 from the log: the two pooled leads go, and the log says so.
    await page.getByTestId('import-history').click();
    const row = page.getByTestId('import-log').getByTestId('import-log-row').filter({ hasText: '公海线索.csv' });
    await row.getByTestId('import-log-undo').click();
    await page.getByTestId('import-undo-ok').click();
    await page.getByTestId('import-undo-summary').filter({ hasText: '已删除本次导入新建的 2 条数据' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-undo.png` });
    assert.deepEqual(await pooled(), []);
    await row.getByTestId('import-log-status').filter({ hasText: '已撤销' }).waitFor();
    await page.context().close();
  });

  it('导入数据: the progress bar follows the running import and 取消导入 stops it after the batch in hand; the rows done stay', async () => {
    const rows = [['姓名', '公司名称', '负责人', '状态', '手机']];
    for (let i = 0; i < 3000; i++) rows.push([`批量${i}`, `批量公司${i}`, '孙销售', '未处理', `137${String(i).padStart(8, '0')}`]);
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/lead');
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    await chooseFile(page, '批量线索.csv', gb18030(rows));

    // Hold the leads table so the first batch waits: the job is seen running, and the cancel lands mid-import.
    const blocker = await t.database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE leads IN SHARE MODE');
      await page.getByTestId('import-start').click();
      await dialog.getByTestId('import-progress-text').filter({ hasText: /正在导入：已处理 \d+ \/ 3000 条/ }).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-progress.png` });
      await page.getByTestId('import-stop').click();
      const cancelled = page.waitForResponse((r) => r.url().endsWith('/cancel') && r.request().method() === 'POST');
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
      assert.equal((await cancelled).status(), 200);
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    const outcome = dialog.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    assert.equal(await outcome.getAttribute('data-status'), 'cancelled');
    await dialog.getByTestId('import-outcome-title').filter({ hasText: '导入已取消' }).waitFor();
    const summary = (await dialog.getByTestId('import-outcome-summary').textContent()) ?? '';
    const done = Number(/成功 (\d+) 条/.exec(summary)?.[1]);
    assert.ok(done > 0 && done < 3000, summary);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND name LIKE '批量%'`.execute(t.database.db);
    assert.equal(count.rows[0]!.n, done, 'the batches finished before the cancel are kept, and only those');
    await page.context().close();
  });
});

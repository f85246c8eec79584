import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { TEST_PASSWORD } from '../support/app';
import { analyticsFixtures } from '../support/analytics-fixtures';
import type { Download } from 'playwright-core';
import { chooseMenuItem, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

describe('市场活动结果 and the analytics page in the browser', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let campaignId: string;
  let leadId: string;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    const f = analyticsFixtures(t.database.db, org.tenantId);
    const { rep, peer } = org.userIds;
    const pool = await f.defaultGroup();
    campaignId = await f.campaign({ name: '春季展会', ownerId: rep, attendees: 80, cost: '2000.00' });
    const account = await f.account({ name: '北京仁科互动', ownerId: rep });
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    // 李四 became an account with a won 5000.00 opportunity; 王五 waits; 赵六 is the peer's, which the rep may not count.
    leadId = await f.lead({ name: '李四', ownerId: rep, groupId: pool, campaignId, createdAt: ago(30), activityAt: ago(20), converted: { at: ago(10), accountId: account } });
    await f.lead({ name: '王五', ownerId: rep, groupId: pool, campaignId, createdAt: ago(25) });
    await f.lead({ name: '赵六', ownerId: peer, groupId: pool, campaignId, createdAt: ago(25) });
    await f.opportunity({ name: '仁科一期', accountId: account, ownerId: rep, amount: '5000.00', stage: '赢单', createdAt: ago(5) });
  });
  after(() => t.close());

  it('a rep opens a campaign, reads its results and drills into its leads', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/campaign/${campaignId}`);
    await page.getByTestId('detail-tab-results').click();
    const results = page.getByTestId('campaign-results');
    await results.waitFor();
    const value = (id: string) => results.getByTestId(`${id}-value`).textContent();
    assert.equal(await value('result-attendees'), '80');
    assert.equal(await value('result-leads'), '2', '李四 and 王五; not the peer\'s 赵六');
    assert.equal(await value('result-opportunities'), '1');
    assert.equal(await value('result-revenue'), '5,000.00');
    assert.equal(await value('result-roi'), '150.00%'); // (5000 − 2000) / 2000
    assert.equal(await value('result-conversion'), '50.00%');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/campaign-results.png`, fullPage: true });

    await page.getByTestId('drill-leads').click();
    const modal = page.getByTestId('drill-modal');
    await modal.getByTestId('drill-item').first().waitFor();
    assert.deepEqual((await modal.getByTestId('drill-item').allTextContents()).sort(), ['李四', '王五']);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/campaign-results-drill.png`, fullPage: true });
    await modal.getByTestId('drill-item').filter({ hasText: '李四' }).click();
    await page.waitForURL(`**/lead/${leadId}`);
    await page.getByTestId('record-detail').waitFor();

    // 查看数据分析 on the campaign list.
    await page.goto('/campaign');
    await page.getByTestId('campaign-analysis-open').click();
    const table = page.getByTestId('campaign-analysis');
    await table.getByTestId(`campaign-leads-${campaignId}`).waitFor();
    assert.equal(await table.getByTestId(`campaign-leads-${campaignId}`).textContent(), '2');
    assert.equal(await table.getByTestId(`campaign-accounts-${campaignId}`).textContent(), '1');
    await table.getByTestId(`campaign-opportunities-${campaignId}`).click();
    await page.getByTestId('drill-modal').getByTestId('drill-item').filter({ hasText: '仁科一期' }).waitFor();
    await page.context().close();
  });

  it('the analytics page answers 线索转换率 by campaign and the conversion panel for this month', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/analytics');
    const analysis = page.getByTestId('lead-conversion-analysis');
    await analysis.waitFor();
    await analysis.getByText('市场活动', { exact: true }).first().click();
    const leads = analysis.getByTestId(`conversion-leads-${campaignId}`);
    await leads.waitFor();
    assert.equal(await leads.textContent(), '2');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/analytics-lead-conversion.png`, fullPage: true });

    // 导出 → Excel: the same table, for the same period and dimension, in a workbook.
    let download!: Download;
    await chooseMenuItem(analysis.getByTestId('export-lead-conversion'), page.getByTestId('export-lead-conversion-xlsx'), async () => {
      download = await page.waitForEvent('download', { timeout: 15_000 });
    });
    assert.match(download.suggestedFilename(), /^线索转换率-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await readFile(await download.path()) as unknown as ArrayBuffer);
    const text = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? ''));
    const rows = (book.worksheets[0]!.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((row) => Array.from(row.slice(1), text));
    assert.deepEqual(rows[0]!.slice(0, 3), ['市场活动', '线索数', '转为客户']);
    assert.deepEqual(rows.find((r) => r[0] === '春季展会')?.slice(0, 3), ['春季展会', '2', '1'], 'the rep\'s two leads, as the page shows');

    await page.getByTestId('analytics-tab-conversion-stats').click();
    const stats = page.getByTestId('lead-conversion-stats');
    await stats.getByTestId('stats-new-leads-value').waitFor();
    // Created minutes ago: this month's leads, unless the month (in Shanghai) began in between.
    const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 30 * 60_000)).slice(0, 7);
    if ((await stats.getByTestId('stats-range').textContent())?.startsWith(month)) {
      assert.equal(await stats.getByTestId('stats-new-leads-value').textContent(), '2');
      assert.equal(await stats.getByTestId('stats-follow-rate-value').textContent(), '50.00%');
    }
    await page.getByTestId('analytics-tab-lead-pool').click();
    await page.getByTestId('pool-analysis').getByTestId('pool-held-total').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/analytics-lead-pool.png`, fullPage: true });
    await page.context().close();
  });
});

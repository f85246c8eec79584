import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';
import { PNG } from '../support/uploads';

/**
 * Issue 3's walk through the engine, one user action at a time: an administrator adds a custom
 * picklist to 销售线索; a rep sees it on the create form, creates a lead with it, shows it as a
 * column, filters the list by it, saves that as a view, and posts a 动态 with a picture.
 */
describe('a custom field from 系统设置 to a saved view and a 动态', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  it('works end to end in the browser', async () => {
    const admin = await t.newPage();
    await signInThroughForm(admin, org.logins.admin, TEST_PASSWORD);
    await admin.goto('/settings/system/objects/lead');
    await admin.getByTestId('field-add').click();
    await admin.getByTestId('field-label-zh').fill('客户等级');
    await admin.getByTestId('field-label-en').fill('Tier');
    await chooseOption(admin, admin.getByTestId('field-type'), /^单选$/);
    await admin.getByTestId('option-zh-0').fill('A类');
    await admin.getByTestId('option-add').click();
    await admin.getByTestId('option-zh-1').fill('B类');
    await admin.getByTestId('field-save').click();
    await admin.getByTestId('field-row-cf_tier').waitFor();
    await admin.context().close();

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/lead');
    for (const [name, tier] of [['周一', 'A类'], ['吴二', 'B类']] as const) {
      await page.getByTestId('new-record').click();
      await page.getByTestId('record-form').getByText('客户等级').waitFor();
      await page.getByTestId('field-name').fill(name);
      await page.getByTestId('field-companyName').fill(`${name}的公司`);
      await chooseOption(page, page.getByTestId('field-cf_tier'), tier);
      await page.getByTestId('record-form-save').click();
      await page.getByTestId('record-form').waitFor({ state: 'hidden' });
    }
    await page.getByTestId('list-table').getByText('吴二', { exact: true }).waitFor();

    // Show the new field as a column, then filter by it through its header.
    await page.getByRole('columnheader').getByTestId('column-settings').click();
    await page.getByTestId('columns-hidden').getByTestId('column-item-cf_tier').click();
    await page.getByTestId('column-move-right').click();
    await page.getByTestId('columns-save').click();
    await page.getByRole('columnheader', { name: '客户等级' }).waitFor();
    await page.getByRole('columnheader', { name: '客户等级' }).getByTestId('filter-cf_tier').click();
    await page.getByTestId('filter-popover-cf_tier').getByTestId('filter-option-A类').click();
    await page.getByTestId('filter-popover-cf_tier').getByTestId('filter-apply').click();
    await page.getByTestId('filter-tag-cf_tier').waitFor();
    await page.getByTestId('list-table').getByText('吴二', { exact: true }).waitFor({ state: 'detached' });
    assert.deepEqual(await page.getByTestId('list-table').getByTestId('record-link').allTextContents(), ['周一']);

    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill('A类线索');
    await page.getByTestId('save-view-ok').click();
    await page.getByTestId('view-switcher').filter({ hasText: 'A类线索' }).waitFor();
    // 导出 gives what the view shows, with the column just added.
    await page.getByTestId('export-list').click();
    const href = await page.getByTestId('export-list-csv-utf-8').getAttribute('href');
    assert.match(href ?? '', /^\/api\/v1\/lead\/export\?.*viewId=/);
    const csv = await (await page.request.get(href!)).text();
    assert.match(csv, /客户等级/);
    assert.match(csv, /周一/);
    assert.doesNotMatch(csv, /吴二/);

    // 动态 with a picture on the lead.
    await page.getByTestId('list-table').getByTestId('record-link').filter({ hasText: '周一' }).click();
    await page.getByTestId('detail-name').filter({ hasText: '周一' }).waitFor();
    await page.getByTestId('activity-composer').waitFor();
    const text = page.getByTestId('activity-text').locator('textarea').or(page.locator('textarea[data-testid="activity-text"]')).first();
    await text.click();
    await text.pressSequentially('电话沟通，客户确认为A类');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('activity-attach-image').click();
    await (await chooser).setFiles({ name: '名片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('activity-attachments').getByText('名片.png').waitFor();
    await page.getByTestId('activity-publish').click();
    const posted = page.getByTestId('activity-item').filter({ hasText: '电话沟通，客户确认为A类' });
    await posted.locator('img[alt="名片.png"]').waitFor();
    if (process.env.YIXIAO_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/lead-detail.png`, fullPage: true });

    // What the screens showed is what the database holds.
    const { rows } = await sql<{ custom: Record<string, unknown>; last_activity_at: Date | null }>`
      SELECT custom, last_activity_at FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND name = '周一'`.execute(t.database.db);
    const lead = rows[0]!;
    assert.equal(lead.custom.cf_tier, 'A类');
    assert.ok(lead.last_activity_at, 'posting set 最新活动记录时间');
    await page.context().close();
  });
});

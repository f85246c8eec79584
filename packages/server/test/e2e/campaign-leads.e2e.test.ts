import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

describe('市场活动关联销售线索 in the browser (§3.1.2)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  it('a rep adds existing leads to a campaign; one they may not edit is refused with the reason, the rest are linked', async () => {
    const rep = await apiAs(t, org.logins.rep);
    const campaign = (await rep.post('/api/v1/campaign', { name: '秋季沙龙' })).json();
    const mine = [];
    for (const name of ['钱一', '孙二']) mine.push((await rep.post('/api/v1/lead', { name, companyName: `${name}的公司` })).json());
    // A lead the rep may read (a read-only team member) but not edit.
    const peer = await apiAs(t, org.logins.peer);
    const shared = (await peer.post('/api/v1/lead', { name: '周三', companyName: '只读公司' })).json();
    assert.equal((await peer.put(`/api/v1/lead/${shared.id}/team/${org.userIds.rep}`, { access: 'read' })).statusCode, 204);

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/campaign/${campaign.id}`);
    await page.getByTestId('campaign-add-leads').click();
    const picker = page.getByTestId('campaign-add-leads-pick');
    for (const name of ['钱一', '孙二', '周三']) {
      await chooseOption(page, picker, name, { serverSearch: name, took: picker.getByText(name) });
    }
    // A multiple select stays open after a pick, as in any browser: click away to close it.
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.getByTestId('campaign-add-leads-ok').click();
    await page.getByTestId('campaign-add-leads-failed').filter({ hasText: '1 条线索未能添加' }).waitFor();

    const linked = await sql<{ name: string }>`SELECT name FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND campaign_id = ${campaign.id}::uuid ORDER BY name`.execute(t.database.db);
    assert.deepEqual(linked.rows.map((r) => r.name).sort(), ['孙二', '钱一'].sort());
    // The campaign's leads list on the page shows them.
    await page.keyboard.press('Escape');
    await page.getByTestId('detail-tab-related-lead-campaignId').click();
    await page.getByTestId('related-lead').getByText('钱一').first().waitFor();
    await page.getByTestId('related-lead').getByText('孙二').first().waitFor();
    assert.equal(mine.length, 2);
    await page.context().close();
  });
});

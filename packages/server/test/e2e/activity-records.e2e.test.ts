import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

describe('活动记录 in the browser (§3.7.7, §4.5)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    const rep = await apiAs(t, org.logins.rep);
    const peer = await apiAs(t, org.logins.peer);
    const account = await rep.create('/api/v1/account', { name: '仁科互动有限公司' });
    await rep.create(`/api/v1/account/${account.id}/activities`, { type: '拜访', content: '上门拜访仁科，确认需求' });
    const lead = await peer.create('/api/v1/lead', { name: '赵六', companyName: '上海某公司' });
    await peer.create(`/api/v1/lead/${lead.id}/activities`, { type: '电话', content: '电话联系赵六' });
    await peer.create(`/api/v1/lead/${lead.id}/activities`, { type: '邮件', content: '发送资料给赵六' });
  });
  after(() => t.close());

  it('the director opens 活动记录, ranks people, picks one from the ranking and sees their activity', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.director, TEST_PASSWORD);
    await page.goto('/activity');
    const list = page.getByTestId('activity-records');
    await list.getByText('电话联系赵六').waitFor();
    await list.getByText('上门拜访仁科，确认需求').waitFor();

    await page.getByTestId('toggle-ranking').click();
    const ranking = page.getByTestId('activity-ranking');
    const repRow = ranking.getByTestId('ranking-row-孙销售');
    await repRow.waitFor();
    assert.match(await ranking.getByTestId('ranking-row-李同事').innerText(), /华东区\s+2/);
    assert.match(await repRow.innerText(), /华北区\s+1/);

    await repRow.click();
    await list.getByText('电话联系赵六').waitFor({ state: 'detached' });
    // The filtered page has arrived once its row shows; read the people only then.
    await list.getByText('上门拜访仁科，确认需求').waitFor();
    const people = await list.getByTestId('activity-record-person').allInnerTexts();
    assert.deepEqual(people, ['孙销售']);
    assert.match(await page.getByTestId('activity-person-filter').innerText(), /孙销售/);
    // The related record links to its page.
    await list.getByRole('link', { name: '仁科互动有限公司' }).waitFor();
  });
});

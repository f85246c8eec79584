import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

/** A signed-in API client for the browser test's server, whose allowed origin is its own address. */
async function apiClient(t: BrowserTest, login: string) {
  const headers = { origin: t.baseUrl };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: TEST_PASSWORD }, headers });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'yx_session')!;
  const auth = { ...headers, cookie: `yx_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string };
  return async (url: string, payload: object) => {
    const made = await t.app.inject({ method: 'POST', url, payload, headers: auth });
    assert.equal(made.statusCode, 201, made.body);
    return made.json().id as string;
  };
}

describe('活动记录 in the browser (§3.7.7, §4.5)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    const rep = await apiClient(t, org.logins.rep);
    const peer = await apiClient(t, org.logins.peer);
    const account = await rep('/api/v1/account', { name: '仁科互动有限公司' });
    await rep(`/api/v1/account/${account}/activities`, { type: '拜访', content: '上门拜访仁科，确认需求' });
    const lead = await peer('/api/v1/lead', { name: '赵六', companyName: '上海某公司' });
    await peer(`/api/v1/lead/${lead}/activities`, { type: '电话', content: '电话联系赵六' });
    await peer(`/api/v1/lead/${lead}/activities`, { type: '邮件', content: '发送资料给赵六' });
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

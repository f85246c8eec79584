import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

describe('notifications in the browser', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let adminToken: string;

  /** The administrator acts through the API with a bearer token, like an integration would. */
  const asAdmin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${adminToken}` } });

  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: company.logins.admin, password: TEST_PASSWORD } });
    adminToken = token.json().token;
  });
  after(() => t.close());

  it('shows the bell count go up live when an announcement is posted, then reads it from the dropdown', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    const bell = page.getByTestId('bell');
    await page.locator('[data-testid=bell][data-live=true][data-unread="0"]').waitFor();

    const posted = await asAdmin('POST', '/api/v1/announcements', { title: '周五全员大会', body: '周五下午三点，三楼大会议室。', departmentId: null });
    assert.equal(posted.statusCode, 201, posted.body);
    await page.locator('[data-testid=bell][data-unread="1"]').waitFor();
    assert.equal(await bell.locator('.ant-badge-count').getAttribute('title'), '1');

    await bell.click();
    const item = page.getByTestId('bell-panel').getByTestId('notification-item').filter({ hasText: '周五全员大会' });
    await item.waitFor();
    assert.equal(await item.getAttribute('data-unread'), 'true');
    await item.click();

    await page.waitForURL(`**/announcements/${posted.json().announcement.id}`);
    const article = page.getByTestId('announcement');
    await article.getByText('周五下午三点，三楼大会议室。').waitFor();
    await page.locator('[data-testid=bell][data-unread="0"]').waitFor();

    await page.goto('/notifications?kind=announcement');
    const row = page.getByTestId('notification-list').getByTestId('notification-item').first();
    await row.waitFor();
    assert.equal(await row.getAttribute('data-unread'), 'false');
    await page.context().close();
  });

  it('finds an answer in the FAQ and sends feedback that an administrator can read', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    await page.getByTestId('help').click();
    await page.getByTestId('guide-notifications').waitFor();

    await page.getByRole('tab', { name: '常见问题' }).click();
    await page.getByTestId('faq-search').locator('input').fill('密码');
    const faq = page.getByTestId('faq-list');
    await faq.getByText('忘记密码怎么办？').waitFor();
    assert.equal(await faq.getByText('如何调整左侧菜单？').count(), 0);

    await page.getByRole('tab', { name: '意见反馈' }).click();
    await page.getByTestId('feedback-category').getByText('问题').click();
    await page.getByTestId('feedback-content').fill('导出的 Excel 打开是乱码');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('my-feedback').getByText('导出的 Excel 打开是乱码').waitFor();
    await page.context().close();

    const list = (await asAdmin('GET', '/api/v1/feedback')).json();
    assert.equal(list.items[0].content, '导出的 Excel 打开是乱码');
    assert.equal(list.items[0].category, 'bug');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('personal settings in the browser', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('switches to English from the gear menu and shows the English shell', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    const menu = page.getByTestId('main-menu');
    assert.ok(await menu.getByText('销售线索', { exact: true }).isVisible());

    await page.getByTestId('gear').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menu.getByText('Leads', { exact: true }).waitFor();
    assert.equal(await menu.getByText('销售线索', { exact: true }).count(), 0);
    assert.equal(await page.getByTestId('global-search').locator('input').getAttribute('placeholder'), 'Search accounts, contacts, leads…');

    await page.reload(); // the choice is the user's, not the page's
    await menu.getByText('Leads', { exact: true }).waitFor();
    await page.goto('/settings/personal/language');
    await page.getByText('Choose the language of the interface, on all your devices.').waitFor();
    await page.context().close();
  });

  it('removes an item in 菜单管理 and reorders another; the left navigation follows', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.manager, TEST_PASSWORD);
    const menu = page.getByTestId('main-menu');
    await menu.getByText('市场活动', { exact: true }).waitFor();

    await page.getByTestId('menu-manage').click();
    await page.getByTestId('menu-row-campaign').waitFor();
    await page.getByTestId('menu-remove-campaign').click();
    await page.getByTestId('menu-up-lead').click(); // lead now sits above lead_pool
    await page.getByTestId('menu-save').click();
    await page.getByText('已保存').waitFor();

    await menu.getByText('市场活动', { exact: true }).waitFor({ state: 'detached' });
    const labels = await menu.locator('.ant-menu-item').allInnerTexts();
    assert.deepEqual(labels.slice(0, 3).map((s) => s.trim()), ['首页', '销售线索', '销售线索公海池']);
    assert.ok(await page.getByTestId('menu-add-campaign').isVisible(), 'the removed item can be added back');

    await page.reload();
    await menu.getByText('销售线索', { exact: true }).waitFor();
    assert.equal(await menu.getByText('市场活动', { exact: true }).count(), 0, 'saved on the server');
    await page.context().close();
  });

  it('uploads an avatar after a preview and shows it in the header', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.admin, TEST_PASSWORD);
    await page.goto('/settings/personal');
    await page.getByTestId('avatar-input').setInputFiles({ name: '头像.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('avatar-confirm').click();
    await page.getByText('头像已更新').waitFor();
    const src = await page.locator('header .ant-avatar img').getAttribute('src');
    assert.match(src ?? '', /^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('verifies an email from the link in a browser that is not signed in', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    await page.goto('/settings/personal/security');
    await page.getByTestId('email-input').fill('rep.e2e@example.com');
    await page.getByTestId('email-send').click();
    await page.getByText(/rep\.e2e@example\.com/).first().waitFor();
    await page.context().close();

    // No SMTP here: the mail waits in the outbox, where its link can be read.
    const mail = await t.database.db.selectFrom('mail_outbox').select('text_body')
      .where('tenant_id', '=', company.tenantId).where('to_address', '=', 'rep.e2e@example.com').executeTakeFirstOrThrow();
    const link = /(http\S+verify-email\?token=\S+)/.exec(mail.text_body)![1]!;
    const signedOut = await t.newPage();
    await signedOut.goto(link.replace(/^http:\/\/[^/]+/, ''));
    await signedOut.getByText('邮箱 rep.e2e@example.com 已验证').waitFor();
    await signedOut.reload();
    await signedOut.getByTestId('verify-email-reason').waitFor();
    assert.match(await signedOut.getByTestId('verify-email-reason').innerText(), /已使用/);
    await signedOut.context().close();
  });
});

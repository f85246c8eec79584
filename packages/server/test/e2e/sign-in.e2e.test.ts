import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

describe('signing in through the browser', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('shows the error for a wrong password, then signs in and shows the Chinese shell', async () => {
    const page = await t.newPage();
    await page.goto('/');
    await page.getByPlaceholder('登录名 / 邮箱 / 手机号').fill(company.logins.rep);
    await page.locator('input[type=password]').fill('wrong-password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    assert.equal(await page.getByTestId('login-error').textContent(), '账号或密码错误');

    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    assert.equal(await page.getByTestId('current-user').textContent(), '张三');
    assert.ok(await page.getByTestId('main-menu').getByText('销售线索', { exact: true }).isVisible());
    await page.context().close();
  });
});

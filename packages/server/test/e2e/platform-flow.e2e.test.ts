import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { chooseTreeNode, chooseNewPasswordThroughForm, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

/**
 * Issue 2's walk in one go, two people at two browsers: the administrator creates a department and
 * a user; the user signs in, switches to English, edits the menu, and sees the administrator's
 * announcement arrive live on the bell.
 */
describe('the platform, end to end', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('admin sets up a colleague, who signs in, switches to English, edits the menu and is notified live', async () => {
    const admin = await t.newPage();
    await signInThroughForm(admin, company.logins.admin, TEST_PASSWORD);
    await admin.goto('/settings/system/org');
    await admin.getByTestId('department-title').waitFor();
    await admin.getByTestId('department-create').click();
    await admin.getByTestId('department-name').fill('华南销售部');
    await admin.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await admin.getByTestId('department-title').filter({ hasText: '华南销售部' }).waitFor();

    const login = `qianqi_${company.tenantId.slice(0, 6)}`;
    await admin.getByTestId('system-settings-menu').getByText('用户管理').click();
    await admin.getByTestId('create-user').click();
    await admin.getByTestId('user-name').fill('钱七');
    await admin.getByTestId('user-login').fill(login);
    await chooseTreeNode(admin, admin.getByLabel('所属部门'), '华南销售部');
    await admin.getByTestId('user-save').click();
    const temporary = (await admin.getByTestId('temporary-password').textContent())?.trim() ?? '';
    await admin.getByRole('button', { name: '我已记下' }).click();

    const user = await t.newPage();
    await signInThroughForm(user, login, temporary);
    await chooseNewPasswordThroughForm(user, temporary, 'QianQi-2026');
    assert.equal(await user.getByTestId('current-user').textContent(), '钱七');

    const menu = user.getByTestId('main-menu');
    await user.getByTestId('gear').click();
    await user.getByRole('menuitem', { name: 'English' }).click();
    await menu.getByText('Leads', { exact: true }).waitFor();

    await user.getByTestId('menu-manage').click();
    await user.getByTestId('menu-remove-campaign').click();
    await user.getByTestId('menu-save').click();
    await menu.getByText('Campaigns', { exact: true }).waitFor({ state: 'detached' });

    await user.goto('/');
    await user.locator('[data-testid=bell][data-live=true][data-unread="0"]').waitFor();
    await admin.goto('/settings/system/announcements');
    await admin.getByTestId('announcement-title').fill('新同事钱七入职');
    await admin.getByTestId('announcement-body').fill('欢迎钱七加入华南销售部。');
    await admin.getByTestId('announcement-post').click();
    await user.locator('[data-testid=bell][data-unread="1"]').waitFor();
    await user.getByTestId('bell').click();
    await user.getByTestId('bell-panel').getByTestId('notification-item').filter({ hasText: '新同事钱七入职' }).waitFor();
    if (process.env.YIXIAO_E2E_SCREENSHOTS) await user.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/platform-flow.png` });
    await user.context().close();
    await admin.context().close();
  });
});

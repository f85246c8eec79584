import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { chooseTreeNode, chooseNewPasswordThroughForm, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

describe('organisation administration in the browser', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('an administrator creates a department and a user; the user then signs in with the temporary password', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.admin, TEST_PASSWORD);

    // 系统设置 → 组织架构: a new department under the company.
    await page.goto('/settings/system/org');
    await page.getByTestId('department-title').waitFor();
    await page.getByTestId('department-create').click();
    await page.getByTestId('department-name').fill('华东销售部');
    await page.getByTestId('department-code').fill('EAST');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('department-title').filter({ hasText: '华东销售部' }).waitFor();
    const department = await t.database.db.selectFrom('departments').select(['id', 'parent_id', 'code'])
      .where('tenant_id', '=', company.tenantId).where('name', '=', '华东销售部').executeTakeFirstOrThrow();
    assert.equal(department.parent_id, company.rootDepartmentId);
    assert.equal(department.code, 'EAST');

    // 用户管理: a new user in that department, with a generated password shown once.
    await page.getByTestId('system-settings-menu').getByText('用户管理').click();
    await page.getByTestId('create-user').click();
    await page.getByTestId('user-name').fill('赵六');
    await page.getByTestId('user-login').fill(`zhaoliu_${company.tenantId.slice(0, 6)}`);
    await chooseTreeNode(page, page.getByLabel('所属部门'), '华东销售部');
    await page.getByTestId('user-save').click();
    const password = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
    assert.match(password, /^[A-Za-z0-9]{12}$/);
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByTestId('user-table').getByRole('strong').filter({ hasText: '赵六' }).waitFor();
    const user = await t.database.db.selectFrom('users').select(['department_id', 'must_change_password'])
      .where('tenant_id', '=', company.tenantId).where('name', '=', '赵六').executeTakeFirstOrThrow();
    assert.equal(user.department_id, department.id);
    assert.equal(user.must_change_password, true);
    if (process.env.YIXIAO_E2E_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/users.png`, fullPage: true });
      await page.goto('/settings/system/org');
      await page.getByTestId('department-members').waitFor();
      await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/org.png`, fullPage: true });
    }
    await page.context().close();

    const newcomer = await t.newPage();
    await signInThroughForm(newcomer, `zhaoliu_${company.tenantId.slice(0, 6)}`, password);
    // A temporary password must be replaced before the app opens.
    await chooseNewPasswordThroughForm(newcomer, password, 'MyOwnPassw0rd');
    assert.equal(await newcomer.getByTestId('current-user').textContent(), '赵六');
    await newcomer.context().close();
  });

  it('ticks a permission in the role matrix and it is saved for the role', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.admin, TEST_PASSWORD);
    await page.goto('/settings/system/roles');
    const box = page.getByTestId('perm-rep-data.export');
    // The matrix is controlled by the server's answer: the tick shows once the save came back.
    await box.click();
    await page.getByText('已保存').first().waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="perm-rep-data.export"]') as HTMLInputElement | null)?.checked === true);
    const rep = await t.database.db.selectFrom('roles').select('permissions')
      .where('tenant_id', '=', company.tenantId).where('key', '=', 'rep').executeTakeFirstOrThrow();
    assert.deepEqual(rep.permissions, ['data.export']);
    assert.ok(await page.getByTestId('perm-admin-org.manage').isDisabled(), 'the administrator role keeps every permission');
    if (process.env.YIXIAO_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/roles.png`, fullPage: true });
    await page.context().close();
  });
});

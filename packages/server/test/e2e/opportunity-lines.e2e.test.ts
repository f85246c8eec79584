import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** The input of an antd number box found by its test id (the id sits on the input or its wrapper). */
const numberInput = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe('销售机会: 联系人 with roles and 产品 lines in the browser (§3.7.5)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  it('a rep adds two contacts with roles and two products; the lines\' totals and the opportunity amount follow', async () => {
    const admin = await apiAs(t, org.logins.admin);
    const rep = await apiAs(t, org.logins.rep);
    const category = await admin.create('/api/v1/product-categories', { name: '硬件' });
    await admin.create('/api/v1/product', { name: '机架服务器', price: '33.33', unit: '台', categoryId: category.id });
    await admin.create('/api/v1/product', { name: '销售软件授权', price: '1000.00', unit: '套' });
    const account = await rep.create('/api/v1/account', { name: '北京仁科互动' });
    await rep.create('/api/v1/contact', { name: '王采购', accountId: account.id, title: '采购经理' });
    const opportunity = await rep.create('/api/v1/opportunity', { name: '仁科服务器采购', accountId: account.id, amount: '5000.00' });

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);

    // 联系人: one from the account's contacts, one made here (it joins the account).
    await page.goto(`/opportunity/${opportunity.id}?tab=opportunity-contacts`);
    const contacts = page.getByTestId('opportunity-contacts');
    await contacts.getByTestId('contacts-add').click();
    await chooseOption(page, page.getByTestId('contact-pick'), '王采购');
    await chooseOption(page, page.getByTestId('contact-role-pick'), '决策者');
    await page.getByTestId('contact-add-ok').click();
    await contacts.locator('tr', { hasText: '王采购' }).waitFor();

    await contacts.getByTestId('contacts-add').click();
    await page.getByTestId('contact-add-mode').getByText('新建联系人').click();
    await chooseOption(page, page.getByTestId('contact-role-pick'), '技术把关者');
    await page.getByTestId('contact-add-ok').click();
    const form = page.getByTestId('record-form');
    await form.getByTestId('field-name').fill('赵工');
    await form.getByTestId('field-title').fill('IT 主管');
    await page.getByTestId('record-form-save').click();
    await contacts.locator('tr', { hasText: '赵工' }).waitFor();
    const chain = contacts.getByTestId('decision-chain');
    await chain.getByText('王采购').waitFor();
    assert.match(await chain.innerText(), /决策者[\s\S]*王采购[\s\S]*技术把关者[\s\S]*赵工/);
    const made = (await (await rep.get(`/api/v1/opportunity/${opportunity.id}/contacts`)).json()).items.find((c: { name: string }) => c.name === '赵工');
    assert.equal((await (await rep.get(`/api/v1/contact/${made.contactId}`)).json()).accountId, account.id, 'the new contact belongs to the account');

    // 产品: two products from the catalogue with their own quantity and discount.
    await page.getByTestId('detail-tab-opportunity-products').click();
    const products = page.getByTestId('opportunity-products');
    await products.getByTestId('lines-add').click();
    const picker = page.getByTestId('products-pick');
    for (const name of ['机架服务器', '销售软件授权']) await picker.locator('tr', { hasText: name }).locator('input[type=checkbox]').check();
    const server = page.getByTestId('chosen-product').filter({ hasText: '机架服务器' });
    const licence = page.getByTestId('chosen-product').filter({ hasText: '销售软件授权' });
    await numberInput(server, 'line-quantity').fill('3');
    await numberInput(server, 'line-discount').fill('95');
    await numberInput(licence, 'line-quantity').fill('1.5');
    await numberInput(licence, 'line-discount').fill('90');
    await server.getByText('¥94.99').waitFor();
    await page.getByText('已添加产品 2 种，总金额 ¥1,444.99').first().waitFor();
    await page.getByTestId('products-save').click();

    await products.locator('tr', { hasText: '机架服务器' }).getByTestId('line-total').filter({ hasText: '94.99' }).waitFor();
    assert.equal(await products.locator('tr', { hasText: '销售软件授权' }).getByTestId('line-total').innerText(), '1,350.00');
    await products.getByTestId('lines-summary').filter({ hasText: '总金额 ¥1,444.99' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opportunity-products.png`, fullPage: true });

    // The amount is the lines' sum, and read-only while they exist.
    await page.getByTestId('detail-tab-fields').click();
    await page.getByTestId('value-amount').filter({ hasText: '1,444.99' }).waitFor();
    await page.getByTestId('locked-amount').waitFor();
    assert.equal(await page.getByTestId('edit-amount').count(), 0);
    assert.equal((await (await rep.get(`/api/v1/opportunity/${opportunity.id}`)).json()).amount, '1444.99');
  });

  it('an administrator builds the 产品目录 tree in 系统设置, and the product form offers its paths', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.admin, TEST_PASSWORD);
    await page.goto('/product');
    await page.getByTestId('manage-categories').click();
    const tree = page.getByTestId('product-categories');
    await tree.getByTestId('category-add-top').click();
    await page.getByTestId('category-name').fill('软件');
    await page.getByTestId('category-save').click();
    await tree.getByTestId('category-软件').waitFor();
    await tree.getByTestId('category-软件').getByTestId('category-add-child').click();
    await page.getByTestId('category-name').fill('授权');
    await page.getByTestId('category-save').click();
    await tree.getByTestId('category-软件 / 授权').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/product-categories.png`, fullPage: true });

    await page.goto('/product');
    await page.getByRole('button', { name: /新建/ }).first().click();
    const form = page.getByTestId('record-form');
    await form.getByTestId('field-name').fill('年度维保');
    await chooseOption(page, form.getByTestId('field-categoryId'), '软件 / 授权');
    await page.getByTestId('record-form-save').click();
    await page.getByText('年度维保').first().waitFor();
    const admin = await apiAs(t, org.logins.admin);
    const categories = (await (await admin.get('/api/v1/product-categories')).json()).items as { path: string; productCount: number }[];
    assert.equal(categories.find((c) => c.path === '软件 / 授权')!.productCount, 1);
  });
});

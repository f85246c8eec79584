import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

describe('系统设置 → 对象与字段 in the browser', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
  });
  after(() => t.close());

  it('an administrator adds a custom picklist to 销售线索; the API lists it and a rep\'s create form shows it', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.admin, TEST_PASSWORD);
    await page.goto('/settings/system/objects/lead');
    await page.getByTestId('fields-table').getByText('companyName').waitFor();
    assert.match(await page.getByTestId('metadata-object-title').textContent() ?? '', /销售线索/);

    await page.getByTestId('field-add').click();
    await page.getByTestId('field-label-zh').fill('客户级别');
    await page.getByTestId('field-label-en').fill('Customer tier');
    await chooseOption(page, page.getByTestId('field-type'), /^单选$/);
    await page.getByTestId('option-zh-0').fill('重点客户');
    await page.getByTestId('option-add').click();
    await page.getByTestId('option-zh-1').fill('普通客户');
    await page.getByTestId('option-en-1').fill('Regular');
    await page.getByTestId('option-add').click();
    await page.getByTestId('option-zh-2').fill('潜在客户');
    // The third option goes first: order is the administrator's.
    await page.getByTestId('option-row-2').getByRole('button', { name: '上移' }).click();
    await page.getByTestId('option-row-1').getByRole('button', { name: '上移' }).click();
    if (process.env.YIXIAO_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/objects-add-field.png` });
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-row-cf_customer_tier').waitFor();
    if (process.env.YIXIAO_E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/objects-fields.png` });

    const rep = await apiAs(t, company.logins.rep);
    const meta = (await rep.get('/api/v1/metadata/objects/lead')).json();
    const field = meta.fields.find((f: { key: string }) => f.key === 'cf_customer_tier');
    assert.ok(field, 'the new field is in the metadata API');
    assert.equal(field.type, 'picklist');
    assert.equal(field.custom, true);
    assert.equal(field.onCreate, true);
    assert.deepEqual(field.label, { zh: '客户级别', en: 'Customer tier' });
    assert.deepEqual(field.options.map((o: { value: string }) => o.value), ['潜在客户', '重点客户', '普通客户']);
    assert.equal(field.options[2].label.en, 'Regular');
    await page.context().close();

    // The rep's generic create form is built from the same metadata.
    const repPage = await t.newPage();
    await signInThroughForm(repPage, company.logins.rep, TEST_PASSWORD);
    await repPage.goto('/lead');
    await repPage.getByTestId('new-record').click();
    await repPage.getByTestId('record-form').getByText('客户级别').waitFor();
    await repPage.getByTestId('field-cf_customer_tier').click();
    await repPage.locator('.ant-select-item-option').filter({ hasText: '重点客户' }).waitFor();
    await repPage.context().close();
  });

  it('an administrator makes a standard field required and retires a custom one from the table', async () => {
    const admin = await apiAs(t, company.logins.admin);
    assert.equal((await admin.post('/api/v1/admin/objects/lead/fields', { key: 'cf_wechat', label: { zh: '微信号' }, type: 'text' })).statusCode, 201);
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.admin, TEST_PASSWORD);
    await page.goto('/settings/system/objects/lead');
    await page.getByTestId('field-row-cf_wechat').waitFor();

    await page.getByTestId('field-required-title').click();
    await page.getByText('已保存').first().waitFor();
    assert.equal(await page.getByTestId('field-required-name').isDisabled(), true, 'the name is required by the system');
    await page.getByTestId('field-retire-cf_wechat').click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('field-retired-cf_wechat').waitFor();

    if (process.env.YIXIAO_E2E_SCREENSHOTS) {
      await page.getByTestId('field-options-status').click();
      await page.getByTestId('options-editor').waitFor();
      await page.waitForTimeout(500); // the dialog's opening animation
      await page.screenshot({ path: `${process.env.YIXIAO_E2E_SCREENSHOTS}/objects-options.png` });
    }
    const meta = (await admin.get('/api/v1/metadata/objects/lead')).json();
    assert.equal(meta.fields.find((f: { key: string }) => f.key === 'title').required, true);
    assert.equal(meta.fields.find((f: { key: string }) => f.key === 'cf_wechat').retired, true);
    await page.context().close();
  });
});

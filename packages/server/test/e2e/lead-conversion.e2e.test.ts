import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';

import { apiAs, TEST_PASSWORD, type ApiClient } from '../support/app';
import { chooseOption, clickUntil, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

describe('转为客户 in the browser (§3.3.7)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let rep: ApiClient;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    rep = await apiAs(t, org.logins.rep);
  });
  after(() => t.close());

  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(t.database.db)).rows;

  it('a rep converts a lead into an account, a contact and an opportunity, then one whose company already is an account', async () => {
    // The company wants 客户级别 on every account: the dialog asks for it like the account form does.
    const admin = await apiAs(t, org.logins.admin);
    assert.equal((await admin.patch('/api/v1/admin/objects/account/fields/level', { required: true })).statusCode, 200);
    const lead = await rep.create('/api/v1/lead', { name: '张一', companyName: '北京仁科互动', mobile: '13800000001', email: 'zhangyi@renke.cn', title: '采购经理' });
    await rep.create(`/api/v1/lead/${lead.id}/activities`, { type: '电话', content: '客户有采购意向' });

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/lead/${lead.id}`);
    await page.getByTestId('lead-convert').click();
    const dialog = page.getByTestId('convert-dialog');
    await dialog.waitFor();
    await page.getByText('转换销售线索').waitFor();
    await page.getByText('系统将自动创建此联系人').waitFor();
    const account = dialog.getByTestId('convert-account');
    const contact = dialog.getByTestId('convert-contact');
    assert.equal(await account.getByTestId('field-name').inputValue(), '北京仁科互动', '客户名称 is the lead\'s company');
    assert.equal(await contact.getByTestId('field-name').inputValue(), '张一');
    assert.equal(await contact.getByTestId('field-mobile').inputValue(), '13800000001');

    // 转换 without the required 客户级别: refused in the form, nothing sent.
    await dialog.getByTestId('convert-with-opportunity').click();
    const opportunity = dialog.getByTestId('convert-opportunity');
    await opportunity.getByTestId('field-name').fill('仁科 CRM 项目');
    // antd puts an InputNumber's test id on the input itself or on its wrapper, depending on its adornments.
    await opportunity.locator('input[data-testid="field-amount"], [data-testid="field-amount"] input').first().fill('50000');
    await page.getByTestId('convert-submit').click();
    await account.getByText('请填写客户级别').waitFor();
    await chooseOption(page, account.getByTestId('field-level'), '重点客户');
    await contact.getByTestId('field-title').fill('采购总监');
    // The server's refusal lands on the field of the right section (each form has a 名称 / 姓名), and nothing is made.
    await contact.getByTestId('field-email').fill('zhangyi@renke');
    await page.getByTestId('convert-submit').click();
    await contact.getByText('电子邮件格式不正确').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lead-convert-dialog.png` });
    assert.equal((await rows(sql<{ n: string }>`SELECT count(*) AS n FROM accounts WHERE tenant_id = ${org.tenantId}::uuid`))[0]!.n, '0');
    await contact.getByTestId('field-email').fill('zhangyi@renke.cn');
    await clickUntil(page.getByTestId('convert-submit'), page.getByTestId('convert-result'));
    await page.getByTestId('convert-result-opportunity').filter({ hasText: '仁科 CRM 项目' }).waitFor();

    type Made = { id: string; name: string; account_id?: string; lead_id?: string; amount?: string; level?: string; title?: string };
    const accounts = await rows(sql<Made>`SELECT id, name, level FROM accounts WHERE tenant_id = ${org.tenantId}::uuid AND name = '北京仁科互动'`);
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0]!.level, '重点客户');
    const contacts = await rows(sql<Made>`SELECT id, name, account_id, title FROM contacts WHERE tenant_id = ${org.tenantId}::uuid AND name = '张一'`);
    assert.deepEqual(contacts.map((c) => [c.account_id, c.title]), [[accounts[0]!.id, '采购总监']]);
    const opportunities = await rows(sql<Made>`SELECT id, name, account_id, lead_id, amount FROM opportunities WHERE tenant_id = ${org.tenantId}::uuid`);
    assert.deepEqual(opportunities.map((o) => [o.name, o.account_id, o.lead_id, o.amount]), [['仁科 CRM 项目', accounts[0]!.id, lead.id, '50000.00']]);
    const [converted] = await rows(sql<{ status: string; converted_account_id: string }>`SELECT status, converted_account_id FROM leads WHERE id = ${lead.id}::uuid`);
    assert.deepEqual(converted, { status: '已转换', converted_account_id: accounts[0]!.id });

    // The lead's page now says what it became, with links; 转为客户 is gone.
    await page.getByTestId('convert-done').click();
    const banner = page.getByTestId('lead-converted');
    await banner.getByText('已转换').waitFor();
    await banner.getByTestId('lead-converted-account').filter({ hasText: '北京仁科互动' }).waitFor();
    await banner.getByTestId('lead-converted-opportunity').filter({ hasText: '仁科 CRM 项目' }).waitFor();
    assert.equal(await page.getByTestId('lead-convert').count(), 0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lead-converted.png` });
    await banner.getByTestId('lead-converted-account').click();
    await page.getByTestId('detail-name').filter({ hasText: '北京仁科互动' }).waitFor();
    await page.getByText('客户有采购意向').waitFor(); // the lead's 动态 followed it to the account

    // A second lead of a company that already is an account: 自动合并, no second account.
    const existing = await rep.create('/api/v1/account', { name: '上海易销科技', level: '普通客户' });
    const second = await rep.create('/api/v1/lead', { name: '王五', companyName: '上海易销科技' });
    await page.goto(`/lead/${second.id}`);
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-auto-merge').filter({ hasText: '客户已存在，系统将自动合并' }).waitFor();
    await page.getByTestId('convert-auto-merge').filter({ hasText: '上海易销科技' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lead-convert-merge.png` });
    await clickUntil(page.getByTestId('convert-submit'), page.getByTestId('convert-result'));
    await page.getByTestId('convert-result').filter({ hasText: '已合并到已有客户' }).waitFor();
    const named = await rows(sql<Made>`SELECT id, name FROM accounts WHERE tenant_id = ${org.tenantId}::uuid AND name = '上海易销科技'`);
    assert.deepEqual(named.map((a) => a.id), [existing.id], 'no second account');
    const [wang] = await rows(sql<Made>`SELECT id, name, account_id FROM contacts WHERE tenant_id = ${org.tenantId}::uuid AND name = '王五'`);
    assert.equal(wang!.account_id, existing.id);
    const [secondLead] = await rows(sql<{ status: string; converted_account_id: string }>`SELECT status, converted_account_id FROM leads WHERE id = ${second.id}::uuid`);
    assert.deepEqual(secondLead, { status: '已转换', converted_account_id: existing.id });
    await page.close();
  });
});

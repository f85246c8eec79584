import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { generateSampleCompanies } from '../../src/registry/sample-generator';
import { CITIES, TRADES } from '../../src/registry/sample-data';
import { apiAs, TEST_PASSWORD, type ApiClient } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** A sample company named 城市 + 字号 + 行业 + 有限公司 that has a web site, and the start a rep would type. */
function sampleCompany() {
  const company = generateSampleCompanies().find((c) => c.website && CITIES.some((city) => c.name.startsWith(city.name)) && TRADES.some((tr) => c.name.includes(tr.word)))!;
  const city = CITIES.find((c) => company.name.startsWith(c.name))!;
  const trade = TRADES.find((tr) => company.name.includes(tr.word))!;
  return { company, typed: company.name.slice(0, company.name.indexOf(trade.word)), city };
}

describe('工商信息 in the browser (§3.5.2)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let admin: ApiClient;
  const fill = [{ source: 'address', target: 'address' }, { source: 'phone', target: 'phone' }, { source: 'website', target: 'website' }];

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    admin = await apiAs(t, org.logins.admin);
    assert.equal((await admin.post('/api/v1/admin/business-registry/data/sample')).statusCode, 200);
    assert.equal((await admin.put('/api/v1/admin/business-registry', { provider: 'offline', fill })).statusCode, 200);
  });
  after(() => t.close());

  it('a rep types part of a registered name, picks the suggestion, gets 详细地址, 电话 and 网址 filled, saves; the account shows 工商信息', async () => {
    const { company, typed } = sampleCompany();
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/account');
    await page.getByTestId('new-record').click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await form.getByTestId('field-name').pressSequentially(typed, { delay: 30 });

    const suggestions = page.getByTestId('registry-suggestions');
    await suggestions.waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/registry-suggestions.png` });
    await suggestions.getByTestId('registry-suggestion').filter({ hasText: company.name }).click();
    await suggestions.waitFor({ state: 'detached' });

    // The registered name, and the fields the administrator chose; 网址 lies behind 填写更多信息, which unfolds.
    await page.waitForFunction((address) => (document.querySelector('[data-testid="field-address"]') as HTMLInputElement | null)?.value === address, company.address);
    assert.equal(await form.getByTestId('field-name').inputValue(), company.name);
    assert.equal(await form.getByTestId('field-phone').inputValue(), company.phone);
    await form.getByTestId('field-website').waitFor({ state: 'visible' });
    assert.equal(await form.getByTestId('field-website').inputValue(), `http://${company.website}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/registry-filled.png` });

    await page.getByTestId('record-form-save').click();
    await page.getByText('客户已创建').waitFor();
    const { rows } = await sql<{ id: string; address: string; phone: string; website: string; owner_id: string }>`
      SELECT id, address, phone, website, owner_id FROM accounts WHERE name = ${company.name}`.execute(t.database.db);
    assert.equal(rows.length, 1);
    assert.deepEqual({ ...rows[0], id: undefined }, { id: undefined, address: company.address, phone: company.phone, website: `http://${company.website}`, owner_id: org.userIds.rep });

    await page.goto(`/account/${rows[0]!.id}`);
    await page.getByTestId('detail-tab-business-registry').click();
    const details = page.getByTestId('registry-company');
    await details.waitFor();
    assert.equal(await details.getByTestId('registry-creditCode').innerText(), company.creditCode);
    assert.equal(await details.getByTestId('registry-legalRepresentative').innerText(), company.legalRepresentative);
    assert.equal(await details.getByTestId('registry-registeredCapital').innerText(), company.registeredCapital);
    assert.equal(await details.getByTestId('registry-establishedOn').innerText(), company.establishedOn);
    assert.equal(await details.getByTestId('registry-status').innerText(), company.status);
    assert.equal(await details.getByTestId('registry-businessScope').innerText(), company.businessScope);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/registry-tab.png` });
    await page.close();
  });

  it('an administrator sets the provider, its key and one more field to fill in 系统设置 → 工商信息设置', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.admin, TEST_PASSWORD);
    await page.goto('/settings/system/business-registry');
    const section = page.getByTestId('registry-settings');
    await section.waitFor();
    await page.getByTestId('registry-data-count').filter({ hasText: '3,000' }).waitFor();
    await section.getByText('工商信息接口').click();
    await page.getByTestId('registry-http-url').fill('https://registry.example.com/api');
    await page.getByTestId('registry-http-key').fill('sk-e2e-secret-9876');
    await chooseOption(page, page.getByTestId('registry-fill-industry'), '行业');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/registry-settings.png`, fullPage: true });
    await page.getByTestId('registry-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('registry-http-key').and(page.locator('[placeholder*="••••9876"]')).waitFor();
    const { rows } = await sql<{ provider: string; http_key: string; fill: { source: string; target: string }[] }>`
      SELECT provider, http_key, fill FROM registry_settings WHERE tenant_id = ${org.tenantId}::uuid`.execute(t.database.db);
    assert.equal(rows[0]!.provider, 'http');
    assert.equal(rows[0]!.http_key, 'sk-e2e-secret-9876');
    assert.deepEqual(rows[0]!.fill.find((r) => r.source === 'industry'), { source: 'industry', target: 'industry' });
    await page.close();
    assert.equal((await admin.put('/api/v1/admin/business-registry', { provider: 'offline', fill })).statusCode, 200);
  });

  it('a slow registry service shows a quiet notice and the account saves anyway', async () => {
    const server = createServer(() => { /* never answers */ });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      assert.equal((await admin.put('/api/v1/admin/business-registry', { provider: 'http', httpUrl: url, httpKey: 'k', fill })).statusCode, 200);
      const page = await t.newPage();
      await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
      await page.goto('/account');
      await page.getByTestId('new-record').click();
      const form = page.getByTestId('record-form');
      await form.getByTestId('field-name').pressSequentially('迟缓科技', { delay: 30 });
      await page.getByTestId('registry-soft-error').filter({ hasText: '超时' }).waitFor();
      await form.getByTestId('field-phone').fill('010-66668888');
      await page.getByTestId('record-form-save').click();
      await page.getByText('客户已创建').waitFor();
      const { rows } = await sql<{ phone: string }>`SELECT phone FROM accounts WHERE name = '迟缓科技'`.execute(t.database.db);
      assert.deepEqual(rows, [{ phone: '010-66668888' }]);
      await page.close();
    } finally {
      server.closeAllConnections();
      server.close();
      await admin.put('/api/v1/admin/business-registry', { provider: 'offline', fill });
    }
  });
});

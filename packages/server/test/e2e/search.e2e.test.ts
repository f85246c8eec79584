import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, TEST_PASSWORD } from '../support/app';
import { signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';

describe('global search in the browser (§2.1)', () => {
  let t: BrowserTest;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let leadId: string;
  before(async () => {
    t = await startBrowserTest();
    company = await createCompany(t);
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: company.logins.rep, password: TEST_PASSWORD } })).json().token as string;
    const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/lead', payload, headers: { authorization: `Bearer ${token}` } });
    const created = await create({ name: '张三', companyName: '北京仁科互动', mobile: '13800001111' });
    assert.equal(created.statusCode, 201, created.body);
    leadId = created.json().id;
    assert.equal((await create({ name: '李四', companyName: '上海易销' })).statusCode, 201);
  });
  after(() => t.close());

  it('finds 张三 by the initials "zs" in the dropdown and opens the lead', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    await page.getByTestId('global-search').locator('input').fill('zs');
    const option = page.getByTestId('search-option').filter({ hasText: '张三' });
    await option.waitFor();
    assert.match(await option.textContent() ?? '', /北京仁科互动/, 'the company is the secondary line');
    assert.equal(await page.getByTestId('search-option').filter({ hasText: '李四' }).count(), 0);
    await option.click();
    await page.waitForURL(`**/lead/${leadId}`);
    await page.context().close();
  });

  it('opens every result on the search page with Enter', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, company.logins.rep, TEST_PASSWORD);
    const input = page.getByTestId('global-search').locator('input');
    await input.fill('仁科');
    await input.press('Enter');
    await page.waitForURL('**/search?q=*');
    const results = page.getByTestId('search-results');
    await results.getByRole('link', { name: '张三' }).waitFor();
    assert.match(await results.textContent() ?? '', /北京仁科互动/);
    await page.context().close();
  });
});

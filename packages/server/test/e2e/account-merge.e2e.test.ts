import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

const rowOf = (page: Page, name: string) => page.getByTestId('list-table').locator('tr', { has: page.getByText(name, { exact: true }) });

describe('合并客户 in the browser (§3.5.10)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  it('a rep selects two accounts in the list, 合并, picks the master and a value; the survivor shows the other\'s contact', async () => {
    const rep = await apiAs(t, org.logins.rep);
    const master = await rep.create('/api/v1/account', { name: '京东方科技', phone: '010-64318888', level: '普通客户' });
    const other = await rep.create('/api/v1/account', { name: '京东方科技集团（重复录入）', phone: '010-64319999', level: '重点客户' });
    await rep.create('/api/v1/contact', { name: '王采购', accountId: other.id });
    await rep.create('/api/v1/opportunity', { name: '京东方 CRM 项目', accountId: master.id });

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/account');
    // §3.5.5: the account with an opportunity carries the icon, the other does not.
    await rowOf(page, '京东方科技').getByTestId('opportunity-marker').waitFor();
    assert.equal(await rowOf(page, '京东方科技集团（重复录入）').getByTestId('opportunity-marker').count(), 0);
    await rowOf(page, '京东方科技').getByTestId('opportunity-marker').click();
    await page.getByTestId('opportunity-popover').getByText('京东方 CRM 项目').waitFor();
    await page.keyboard.press('Escape');

    // The duplicate is selected first, so the dialog offers it as the master at first.
    await rowOf(page, '京东方科技集团（重复录入）').locator('input[type=checkbox]').check();
    await page.getByTestId('selected-count').filter({ hasText: '已选中 1 项' }).waitFor();
    assert.ok(await page.getByTestId('batch-merge').isDisabled(), '合并 needs two accounts');
    // 转移 on the account list offers the related records (§3.5.8).
    await page.getByTestId('batch-transfer').click();
    await page.getByTestId('transfer-related-contact').waitFor();
    await page.getByTestId('transfer-related-opportunity').waitFor();
    await page.locator('.ant-modal:visible').getByRole('button', { name: /^取\s*消$/ }).click();
    await page.getByTestId('transfer-related').waitFor({ state: 'detached' });

    await rowOf(page, '京东方科技').locator('input[type=checkbox]').check();
    await page.getByTestId('selected-count').filter({ hasText: '已选中 2 项' }).waitFor();
    await page.getByTestId('batch-merge').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.waitFor();
    await dialog.getByTestId(`merge-related-contact-${other.id}`).filter({ hasText: '1' }).waitFor();
    const masterRadio = dialog.getByTestId(`merge-master-${master.id}`).first(); // the fixed header is rendered twice
    assert.equal(await masterRadio.isChecked(), false);
    await masterRadio.click();
    assert.equal(await masterRadio.isChecked(), true);
    await dialog.getByTestId(`merge-pick-phone-${other.id}`).click();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/account-merge-dialog.png` });
    await page.getByTestId('merge-ok').click();

    // The survivor's page: its name, the chosen phone, and the other's contact.
    await page.waitForURL(`**/account/${master.id}`);
    await page.getByTestId('detail-name').filter({ hasText: '京东方科技' }).waitFor();
    await page.getByTestId('detail-tab-related-contact-accountId').click();
    await page.getByTestId('related-contact').getByText('王采购').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/account-merged.png` });

    const rows = (await sql<{ id: string; phone: string; level: string }>`SELECT id, phone, level FROM accounts
      WHERE tenant_id = ${org.tenantId}::uuid ORDER BY name`.execute(t.database.db)).rows;
    assert.deepEqual(rows, [{ id: master.id, phone: '010-64319999', level: '普通客户' }], 'the other is gone; the chosen phone is kept, the master\'s level stays');
    await page.close();
  });

  it('转移给他人 on an account page carries the chosen related records held by its owner, never a won opportunity', async () => {
    const rep = await apiAs(t, org.logins.rep);
    const account = await rep.create('/api/v1/account', { name: '华为技术' });
    const contact = await rep.create('/api/v1/contact', { name: '刘经理', accountId: account.id });
    const open = await rep.create('/api/v1/opportunity', { name: '华为 进行中', accountId: account.id });
    const won = await rep.create('/api/v1/opportunity', { name: '华为 已赢单', accountId: account.id, stage: '赢单' });
    const contract = await rep.create('/api/v1/contract', { title: '华为合同', accountId: account.id, amount: '1000.00' });

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/account/${account.id}`);
    await page.getByTestId('detail-actions').click();
    await page.getByText('转移给他人').click();
    await chooseOption(page, page.getByTestId('transfer-user'), '李同事', { serverSearch: '李同事' });
    const related = page.getByTestId('transfer-related');
    assert.equal(await related.getByRole('checkbox', { name: '合同' }).isChecked(), true, 'every related kind is ticked at first');
    await page.getByTestId('transfer-related-contract').click(); // 合同 stays with the rep
    assert.equal(await related.getByRole('checkbox', { name: '合同' }).isChecked(), false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/account-transfer.png` });
    await page.getByTestId('transfer-ok').click();
    await page.getByText('已转移：同时转移了 1 个联系人、1 个销售机会；1 条相关业务保留原所有人').waitFor();
    await page.getByTestId('detail-owner').filter({ hasText: '李同事' }).waitFor();

    const owners = (await sql<{ id: string; owner_id: string }>`SELECT id, owner_id FROM contacts WHERE id = ${contact.id}::uuid
      UNION ALL SELECT id, owner_id FROM opportunities WHERE id = ANY(${[open.id, won.id]}::uuid[])
      UNION ALL SELECT id, owner_id FROM contracts WHERE id = ${contract.id}::uuid`.execute(t.database.db)).rows;
    const ownerOf = new Map(owners.map((o) => [o.id, o.owner_id]));
    assert.equal(ownerOf.get(contact.id), org.userIds.peer);
    assert.equal(ownerOf.get(open.id), org.userIds.peer);
    assert.equal(ownerOf.get(won.id), org.userIds.rep);
    assert.equal(ownerOf.get(contract.id), org.userIds.rep);
    await page.close();
  });
});

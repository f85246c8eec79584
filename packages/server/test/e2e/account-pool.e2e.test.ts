import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/app';
import { generateSampleCompanies } from '../../src/registry/sample-generator';
import { TRADES } from '../../src/registry/sample-data';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** A registered company of the bundled 工商信息 sample with a phone and a web site, and the start a rep types. */
const COMPANY = generateSampleCompanies().find((c) => c.website && c.phone && c.address && TRADES.some((tr) => c.name.includes(tr.word)))!;
const NAME = COMPANY.name;
const TYPED = NAME.slice(0, NAME.indexOf(TRADES.find((tr) => NAME.includes(tr.word))!.word));

/** Walks the 省 / 市 / 区 cascader column by column. */
async function pickRegion(page: Page, testId: string, path: string[]) {
  await page.getByTestId(testId).click();
  const popup = page.locator(`.${testId}-popup:visible`);
  for (const [column, name] of path.entries()) {
    await popup.locator('.ant-cascader-menu').nth(column).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
  }
}

describe('客户公海池 in the browser: an account from creation back to the pool and on to a colleague (§3.4, §3.5, §3.6)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let groupId: string;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: org.logins.admin, password: TEST_PASSWORD } });
    const headers = { authorization: `Bearer ${token.json().token as string}` };
    const made = await t.app.inject({
      method: 'POST', url: '/api/v1/pools/account/groups', headers,
      payload: { name: '华北客户组', everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false, recycleIdleDays: 30, recycleUnconvertedDays: null },
    });
    assert.equal(made.statusCode, 201, made.body);
    groupId = made.json().id;
    const members = await t.app.inject({
      method: 'PUT', url: `/api/v1/pools/account/groups/${groupId}/members`, headers,
      payload: { members: [{ userId: org.userIds.rep, isAdmin: false }, { userId: org.userIds.peer, isAdmin: false }] },
    });
    assert.equal(members.statusCode, 200, members.body);
    const sample = await t.app.inject({ method: 'POST', url: '/api/v1/admin/business-registry/data/sample', headers });
    assert.equal(sample.statusCode, 200, sample.body);
    const fill = [{ source: 'address', target: 'address' }, { source: 'phone', target: 'phone' }, { source: 'website', target: 'website' }];
    const provider = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/business-registry', headers, payload: { provider: 'offline', fill } });
    assert.equal(provider.statusCode, 200, provider.body);
  });
  after(() => t.close());

  it('a rep creates an account filled from 工商信息 with its region, adds a contact and a team member, merges a duplicate into it, returns it from the list; a colleague claims it', async () => {
    const rep = await t.newPage();
    await signInThroughForm(rep, org.logins.rep, TEST_PASSWORD);
    await rep.goto('/account');
    await rep.getByTestId('new-record').click();
    const form = rep.getByTestId('record-form');
    await form.waitFor();
    // 工商信息: part of the registered name, then the suggestion fills the name, 电话, 详细地址 and 网址.
    await form.getByTestId('field-name').pressSequentially(TYPED, { delay: 30 });
    await rep.getByTestId('registry-suggestions').getByTestId('registry-suggestion').filter({ hasText: NAME }).click();
    await rep.waitForFunction((address) => (document.querySelector('[data-testid="field-address"]') as HTMLInputElement | null)?.value === address, COMPANY.address);
    assert.equal(await form.getByTestId('field-name').inputValue(), NAME);
    assert.equal(await form.getByTestId('field-phone').inputValue(), COMPANY.phone);
    await pickRegion(rep, 'field-region', ['北京市', '北京市', '海淀区']);
    await form.getByTestId('field-region').filter({ hasText: '北京市 / 海淀区' }).waitFor();
    await chooseOption(rep, rep.getByTestId('field-poolGroupId'), '华北客户组');
    if (SHOTS) await rep.screenshot({ path: `${SHOTS}/account-create.png` });
    await rep.getByTestId('record-form-save').click();
    await form.waitFor({ state: 'detached' });
    const account = (await sql<{ id: string; region: unknown; owner_id: string; pool_group_id: string; pool_state: string }>`
      SELECT id, region, owner_id, pool_group_id, pool_state FROM accounts WHERE tenant_id = ${org.tenantId}::uuid AND name = ${NAME}`.execute(t.database.db)).rows[0];
    assert.ok(account, 'the account is stored');
    assert.deepEqual(account.region, { province: '北京市', city: '北京市', district: '海淀区' });
    assert.deepEqual([account.owner_id, account.pool_group_id, account.pool_state], [org.userIds.rep, groupId, 'held']);

    // 省/市/区 in the list, and its column filter: 北京市 keeps the account, 上海市 does not.
    await rep.getByTestId('list-table').locator('tr', { hasText: NAME }).filter({ hasText: '北京市 海淀区' }).waitFor();
    const filterByProvince = async (province: string) => {
      await rep.getByRole('columnheader', { name: '省/市/区' }).getByTestId('filter-region').click();
      await pickRegion(rep, 'filter-region-value', [province]);
      // A province alone stays open for a city; a click beside the picker closes it.
      await rep.getByTestId('filter-popover-region').click({ position: { x: 6, y: 6 } });
      await rep.locator('.filter-region-value-popup:visible').waitFor({ state: 'hidden' });
      await rep.getByTestId('filter-popover-region').getByTestId('filter-apply').click();
      await rep.getByTestId('filter-tag-region').filter({ hasText: province }).waitFor();
    };
    await filterByProvince('上海市');
    await rep.getByTestId('list-table').getByText(NAME, { exact: true }).waitFor({ state: 'detached' });
    await filterByProvince('北京市');
    await rep.getByTestId('list-table').getByText(NAME, { exact: true }).waitFor();

    // The account's page: 新建 → 联系人, the account already filled in; the contact shows in the 联系人 list.
    await rep.goto(`/account/${account.id}`);
    await rep.getByTestId('detail-name').filter({ hasText: NAME }).waitFor();
    await rep.getByTestId('detail-create').click();
    await rep.getByTestId('detail-create-contact').click();
    const contactForm = rep.getByTestId('record-form');
    await contactForm.getByTestId('field-accountId').filter({ hasText: NAME }).waitFor();
    await contactForm.getByTestId('field-name').fill('赵采购');
    await contactForm.getByTestId('field-title').fill('采购经理');
    await rep.getByTestId('record-form-save').click();
    await rep.getByTestId('related-contact').getByText('赵采购').waitFor();
    const contact = (await sql<{ account_id: string; owner_id: string }>`SELECT account_id, owner_id FROM contacts WHERE tenant_id = ${org.tenantId}::uuid AND name = '赵采购'`.execute(t.database.db)).rows[0];
    assert.deepEqual(contact, { account_id: account.id, owner_id: org.userIds.rep });
    if (SHOTS) await rep.screenshot({ path: `${SHOTS}/account-contacts.png`, fullPage: true });

    // 团队成员: a colleague who may read the account.
    await rep.getByTestId('detail-tab-team').click();
    await chooseOption(rep, rep.getByTestId('team-user'), '周只读', { serverSearch: '周只读' });
    await rep.getByTestId('team-add').click();
    await rep.getByTestId('team-member-周只读').waitFor();
    const team = await t.database.db.selectFrom('record_team_members').select(['user_id', 'access']).where('record_id', '=', account.id).execute();
    assert.deepEqual(team, [{ user_id: org.userIds.teamRead, access: 'read' }]);

    // 合并 (§3.5.10): a duplicate someone typed in with its own contact; the original stays the master.
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: org.logins.rep, password: TEST_PASSWORD } });
    const repApi = { authorization: `Bearer ${token.json().token as string}` };
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/v1/account', headers: repApi, payload: { name: '星河科技（重复录入）', poolGroupId: groupId } });
    assert.equal(duplicate.statusCode, 201, duplicate.body);
    const duplicateId = duplicate.json().id as string;
    const dupContact = await t.app.inject({ method: 'POST', url: '/api/v1/contact', headers: repApi, payload: { name: '钱工程师', accountId: duplicateId } });
    assert.equal(dupContact.statusCode, 201, dupContact.body);
    await rep.goto('/account');
    const rowNamed = (name: string) => rep.getByTestId('list-table').locator('tr', { has: rep.getByText(name, { exact: true }) });
    await rowNamed('星河科技（重复录入）').locator('input[type=checkbox]').check();
    await rowNamed(NAME).locator('input[type=checkbox]').check();
    await rep.getByTestId('selected-count').filter({ hasText: '已选中 2 项' }).waitFor();
    await rep.getByTestId('batch-merge').click();
    const merge = rep.getByTestId('merge-dialog');
    await merge.waitFor();
    await merge.getByTestId(`merge-related-contact-${duplicateId}`).filter({ hasText: '1' }).waitFor();
    await merge.getByTestId(`merge-master-${account.id}`).first().click();
    await rep.getByTestId('merge-ok').click();
    await rep.waitForURL(`**/account/${account.id}`);
    await rep.getByTestId('detail-tab-related-contact-accountId').click();
    await rep.getByTestId('related-contact').getByText('钱工程师').waitFor();
    const survivors = await sql<{ id: string }>`SELECT id FROM accounts WHERE tenant_id = ${org.tenantId}::uuid AND id IN (${account.id}::uuid, ${duplicateId}::uuid)`.execute(t.database.db);
    assert.deepEqual(survivors.rows.map((r) => r.id), [account.id]);

    // 退回公海池 from the account list (§3.5.11 方法一): the group keeps its accounts, so no other group is offered.
    await rep.goto('/account');
    const row = rep.getByTestId('list-table').locator('tr', { has: rep.getByText(NAME, { exact: true }) });
    await row.locator('input[type=checkbox]').check();
    await rep.getByTestId('selected-count').filter({ hasText: '已选中 1 项' }).waitFor();
    assert.equal(await rep.getByTestId('batch-pool-init').count(), 0, '初始化公海池分组 is for pool administrators');
    await rep.getByTestId('batch-pool-return').click();
    await rep.getByTestId('batch-pool-return-reason').fill('客户预算冻结');
    assert.equal(await rep.getByTestId('batch-pool-return-group').count(), 0);
    if (SHOTS) await rep.screenshot({ path: `${SHOTS}/account-return.png` });
    await rep.getByTestId('batch-pool-return-ok').click();
    await rep.getByText('已退回 1 条').waitFor();
    await rep.getByTestId('selected-count').waitFor({ state: 'detached' });
    const returned = (await sql<{ owner_id: string | null; pool_state: string; pool_group_id: string; returned_count: number }>`
      SELECT owner_id, pool_state, pool_group_id, returned_count FROM accounts WHERE id = ${account.id}::uuid`.execute(t.database.db)).rows[0];
    assert.deepEqual(returned, { owner_id: null, pool_state: 'pool', pool_group_id: groupId, returned_count: 1 });
    await rep.context().close();

    // 李同事 finds it in 客户公海池 under the group and claims it, contact and all.
    const peer = await t.newPage();
    await signInThroughForm(peer, org.logins.peer, TEST_PASSWORD);
    await peer.goto('/account-pool');
    await chooseOption(peer, peer.getByTestId('pool-group-select'), '华北客户组', { search: '华北客户组' });
    const pooled = peer.getByTestId('list-table').locator('tr', { has: peer.getByText(NAME, { exact: true }) });
    await pooled.locator('input[type=checkbox]').check();
    if (SHOTS) await peer.screenshot({ path: `${SHOTS}/account-pool.png` });
    await peer.getByTestId('pool-claim').click();
    await peer.getByText('已领取 1 条').waitFor();
    const claimed = (await sql<{ owner_id: string; pool_state: string }>`SELECT owner_id, pool_state FROM accounts WHERE id = ${account.id}::uuid`.execute(t.database.db)).rows[0];
    assert.deepEqual(claimed, { owner_id: org.userIds.peer, pool_state: 'held' });
    await peer.goto(`/account/${account.id}?tab=related-contact-accountId`);
    await peer.getByTestId('related-contact').getByText('赵采购').waitFor();
    await peer.getByTestId('related-contact').getByText('钱工程师').waitFor();
    // The pool log tells the account's way: created by the rep, returned with the reason, claimed by the colleague.
    await peer.goto(`/account-pool?group=${groupId}`);
    await peer.getByTestId('pool-events-open').click();
    const log = peer.getByTestId('pool-events');
    await log.locator('tr', { hasText: NAME }).filter({ hasText: '原因：客户预算冻结' }).getByTestId('pool-event-return').waitFor();
    await log.locator('tr', { hasText: NAME }).getByTestId('pool-event-claim').waitFor();
    await peer.context().close();
  });

  it('a pool administrator initialises the pool group of accounts from before pools from the account list (§3.5.12)', async () => {
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: org.logins.admin, password: TEST_PASSWORD } });
    const made: string[] = [];
    for (const name of ['历史客户一有限公司', '历史客户二有限公司']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/account', payload: { name }, headers: { authorization: `Bearer ${token.json().token as string}` } });
      assert.equal(res.statusCode, 201, res.body);
      made.push(res.json().id as string);
    }
    const admin = await t.newPage();
    await signInThroughForm(admin, org.logins.admin, TEST_PASSWORD);
    await sql`UPDATE accounts SET pool_group_id = NULL WHERE id = ${made[0]!}::uuid`.execute(t.database.db);
    await admin.goto('/account');
    for (const name of ['历史客户一有限公司', '历史客户二有限公司']) {
      await admin.getByTestId('list-table').locator('tr', { has: admin.getByText(name, { exact: true }) }).locator('input[type=checkbox]').check();
    }
    await admin.getByTestId('batch-pool-init').click();
    await chooseOption(admin, admin.getByTestId('batch-pool-init-group'), '华北客户组', { search: '华北客户组' });
    await admin.getByTestId('batch-pool-init-ok').click();
    // One had no group and joins; the other already had one and is named as left alone.
    await admin.getByTestId('pool-batch-failures').filter({ hasText: '历史客户二有限公司' }).filter({ hasText: '已属于公海分组' }).waitFor();
    const rows = (await sql<{ id: string; pool_group_id: string }>`SELECT id, pool_group_id FROM accounts WHERE id = ANY(${made}::uuid[])`.execute(t.database.db)).rows;
    assert.equal(rows.find((r) => r.id === made[0])!.pool_group_id, groupId);
    assert.notEqual(rows.find((r) => r.id === made[1])!.pool_group_id, groupId);
    await admin.context().close();
  });
});


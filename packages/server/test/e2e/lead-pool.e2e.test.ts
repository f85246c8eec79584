import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** Types into an antd InputNumber by its test id (the id may sit on the input or on its wrapper). */
async function fillNumber(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.fill(value);
}

/** Names in the list's name column, top to bottom. */
const listedNames = (page: Page) => page.getByTestId('list-table').getByTestId('record-link').allTextContents();

describe('销售线索公海池 in the browser (§3.2.1, §3.2.3, §3.2.8, §3.3.3)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  type LeadRow = { id: string; name: string; owner_id: string | null; pool_group_id: string | null; pool_state: string };
  const leadNamed = async (name: string) =>
    (await sql<LeadRow>`SELECT id, name, owner_id, pool_group_id, pool_state FROM leads WHERE tenant_id = ${org.tenantId}::uuid AND name = ${name}`.execute(t.database.db)).rows;

  it('an administrator sets up a group with an auto-assign rule; a lead created in the pool goes to the rep; a colleague claims another', async () => {
    // 系统设置 → 公海池设置: a group of two reps, claimed by the reps themselves.
    const admin = await t.newPage();
    await signInThroughForm(admin, org.logins.admin, TEST_PASSWORD);
    await admin.goto('/settings/system/pools');
    await admin.getByTestId('pool-settings').waitFor();
    await admin.getByTestId('pool-group-create').click();
    await admin.getByTestId('pool-group-name').fill('华北线索组');
    await fillNumber(admin, 'pool-group-idle-days', '30');
    await admin.getByTestId('pool-group-save').click();
    const groupRow = admin.getByTestId('pool-group-row-华北线索组');
    await groupRow.waitFor();
    const group = (await sql<{ id: string; claim_mode: string; recycle_idle_days: number | null }>`
      SELECT id, claim_mode, recycle_idle_days FROM pool_groups WHERE tenant_id = ${org.tenantId}::uuid AND name = ${'华北线索组'}`.execute(t.database.db)).rows[0];
    assert.ok(group, 'the group is stored');
    assert.equal(group.claim_mode, 'claim');
    assert.equal(group.recycle_idle_days, 30);

    await groupRow.getByTestId('pool-group-members').click();
    await chooseOption(admin, admin.getByTestId('pool-members-add'), '孙销售', { serverSearch: '孙销售', took: admin.getByTestId('pool-members').getByText('孙销售') });
    await chooseOption(admin, admin.getByTestId('pool-members-add'), '李同事', { serverSearch: '李同事', took: admin.getByTestId('pool-members').getByText('李同事') });
    await admin.getByTestId('pool-members').getByText('李同事').waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/pool-members.png` });
    await admin.getByTestId('pool-members-save').click();
    // The dialog closes once the server has stored the members (an earlier "已保存" may still be showing).
    await admin.getByTestId('pool-members').waitFor({ state: 'detached' });
    const members = (await sql<{ user_id: string }>`SELECT user_id FROM pool_group_members WHERE tenant_id = ${org.tenantId}::uuid AND group_id = ${group.id}::uuid`.execute(t.database.db)).rows;
    assert.deepEqual(members.map((m) => m.user_id).sort(), [org.userIds.rep, org.userIds.peer].sort());

    // 自动分配: leads of companies in 北京 go to 孙销售 (the default 退回次数 condition kept).
    await groupRow.getByTestId('pool-group-rules').click();
    await admin.getByTestId('rule-create').click();
    await admin.getByTestId('rule-name').fill('北京的线索给孙销售');
    await admin.getByTestId('rule-next').click();
    await admin.getByTestId('rule-condition-field-0').filter({ hasText: '退回次数' }).waitFor();
    await admin.getByTestId('rule-add-condition').click();
    await chooseOption(admin, admin.getByTestId('rule-condition-field-1'), '公司名称', { search: '公司名称' });
    await admin.getByTestId('rule-condition-1').getByTestId('condition-value-companyName').fill('北京');
    await admin.getByTestId('rule-next').click();
    await chooseOption(admin, admin.getByTestId('rule-target-user'), '孙销售', { serverSearch: '孙销售', took: admin.getByTestId('rule-target-list').getByText('孙销售') });
    await admin.getByTestId('rule-target-list').getByText('孙销售').waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/pool-rule.png` });
    await admin.getByTestId('rule-save').click();
    await admin.getByTestId('rule-北京的线索给孙销售').getByTestId('rule-target-names').filter({ hasText: '孙销售' }).waitFor();
    const rule = (await sql<{ conditions: { field: string; op: string; value?: unknown }[]; targets: { type: string; id: string }[] }>`
      SELECT conditions, targets FROM pool_assign_rules WHERE tenant_id = ${org.tenantId}::uuid AND group_id = ${group.id}::uuid`.execute(t.database.db)).rows;
    assert.equal(rule.length, 1);
    assert.deepEqual(rule[0]!.conditions.map((c) => c.field), ['returnedCount', 'companyName']);
    assert.deepEqual(rule[0]!.targets, [{ type: 'user', id: org.userIds.rep }]);
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/pool-rules.png` });
    await admin.keyboard.press('Escape');
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/pool-settings.png` });

    // 销售线索公海池 → the group → 新建销售线索: no owner field, the group preselected.
    await admin.goto('/lead-pool');
    await chooseOption(admin, admin.getByTestId('pool-group-select'), '华北线索组', { search: '华北线索组' });
    await admin.getByTestId('pool-new-record').click();
    const form = admin.getByTestId('record-form');
    await form.waitFor();
    await form.getByTestId('field-poolGroupId').filter({ hasText: '华北线索组' }).waitFor();
    assert.equal(await form.getByTestId('field-ownerId').count(), 0, 'a pool record has no owner to choose');
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/pool-create.png` });
    await form.getByTestId('field-name').fill('张一');
    await form.getByTestId('field-companyName').fill('北京仁科互动');
    await form.getByTestId('field-mobile').fill('13567894561');
    await admin.getByTestId('record-form-save').click();
    await admin.getByText('已按自动分配规则分配给 孙销售').waitFor();
    const [zhang] = await leadNamed('张一');
    assert.ok(zhang);
    assert.equal(zhang.owner_id, org.userIds.rep, 'the rule handed it to the rep');
    assert.equal(zhang.pool_group_id, group.id);
    assert.equal(zhang.pool_state, 'held');

    // A lead the rule does not match stays in the pool.
    const api = await apiAs(t, org.logins.admin);
    const campaign = await api.post('/api/v1/campaign', { name: '华东渠道大会', actualCost: '20000' });
    assert.equal(campaign.statusCode, 201, campaign.body);
    const campaignId = campaign.json().id as string;
    const created = await api.post('/api/v1/pools/lead/records', { name: '王五', companyName: '上海新科技', poolGroupId: group.id, campaignId });
    assert.equal(created.statusCode, 201, created.body);
    const [wang] = await leadNamed('王五');
    assert.equal(wang!.owner_id, null);
    assert.equal(wang!.pool_state, 'pool');
    await admin.context().close();

    // The rep finds the assigned lead in their own list.
    const rep = await t.newPage();
    await signInThroughForm(rep, org.logins.rep, TEST_PASSWORD);
    await rep.goto('/lead');
    await rep.getByTestId('list-table').getByTestId('record-link').filter({ hasText: '张一' }).waitFor();
    const repLeads = (await (await apiAs(t, org.logins.rep)).get('/api/v1/lead?view=mine')).json().items as { name: string }[];
    assert.deepEqual(repLeads.map((l) => l.name), ['张一']);
    await rep.context().close();

    // The colleague goes from the lead list to the pool (去线索池领取) and claims 王五.
    const peer = await t.newPage();
    await signInThroughForm(peer, org.logins.peer, TEST_PASSWORD);
    await peer.goto('/lead');
    await peer.getByTestId('go-to-pool').click();
    await peer.getByTestId('pool-page').waitFor();
    await peer.getByTestId('list-table').getByText('王五', { exact: true }).waitFor();
    assert.ok(!(await listedNames(peer)).includes('张一'), 'a held lead is not in the pool');
    const row = peer.getByTestId('list-table').locator('tr', { has: peer.getByText('王五', { exact: true }) });
    await row.locator('input[type=checkbox]').check();
    await peer.getByTestId('selected-count').filter({ hasText: '已选中 1 项' }).waitFor();
    assert.equal(await peer.getByTestId('pool-assign').count(), 0, 'a member who does not administer the group cannot assign');
    if (SHOTS) await peer.screenshot({ path: `${SHOTS}/pool-list.png` });
    await peer.getByTestId('pool-claim').click();
    await peer.getByText('已领取 1 条').waitFor();
    await peer.getByTestId('list-table').getByText('王五', { exact: true }).waitFor({ state: 'detached' });
    const [claimed] = await leadNamed('王五');
    assert.equal(claimed!.owner_id, org.userIds.peer);
    assert.equal(claimed!.pool_state, 'held');

    // 查看公海操作记录: the automatic assignment and the claim.
    await peer.getByTestId('pool-events-open').click();
    const log = peer.getByTestId('pool-events');
    await log.locator('tr', { hasText: '张一' }).getByTestId('pool-event-auto_assign').waitFor();
    await log.locator('tr', { hasText: '王五' }).getByTestId('pool-event-claim').waitFor();
    await log.locator('tr', { hasText: '王五' }).filter({ hasText: '李同事' }).first().waitFor();
    if (SHOTS) await peer.screenshot({ path: `${SHOTS}/pool-log.png` });

    // 王五 is the colleague's now: a 动态, then 转为客户 with an opportunity.
    await peer.goto(`/lead/${claimed!.id}`);
    await peer.getByTestId('activity-composer').waitFor();
    const text = peer.getByTestId('activity-text').locator('textarea').or(peer.locator('textarea[data-testid="activity-text"]')).first();
    await text.fill('电话沟通，客户计划下月采购');
    await peer.getByTestId('activity-publish').click();
    await peer.getByTestId('activity-item').filter({ hasText: '电话沟通，客户计划下月采购' }).waitFor();
    await peer.getByTestId('lead-convert').click();
    const dialog = peer.getByTestId('convert-dialog');
    await dialog.getByTestId('convert-with-opportunity').click();
    const opportunity = dialog.getByTestId('convert-opportunity');
    await opportunity.getByTestId('field-name').fill('新科技 CRM 项目');
    await opportunity.locator('input[data-testid="field-amount"], [data-testid="field-amount"] input').first().fill('80000');
    await peer.getByTestId('convert-submit').click();
    await peer.getByTestId('convert-result-opportunity').filter({ hasText: '新科技 CRM 项目' }).waitFor();
    const converted = (await sql<{ converted_account_id: string | null; status: string }>`
      SELECT converted_account_id, status FROM leads WHERE id = ${claimed!.id}::uuid`.execute(t.database.db)).rows[0]!;
    assert.equal(converted.status, '已转换');
    const moved = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM activities WHERE related_object = 'account' AND related_id = ${converted.converted_account_id}`.execute(t.database.db)).rows[0]!;
    assert.equal(moved.n, 1, 'the 动态 followed the lead to its account');
    await peer.context().close();

    // The campaign's results count the lead and the opportunity it became.
    const marketer = await t.newPage();
    await signInThroughForm(marketer, org.logins.admin, TEST_PASSWORD);
    await marketer.goto(`/campaign/${campaignId}`);
    await marketer.getByTestId('detail-tab-results').click();
    const results = marketer.getByTestId('campaign-results');
    await results.getByTestId('result-leads-value').filter({ hasText: '1' }).waitFor();
    await results.getByTestId('result-opportunities-value').filter({ hasText: '1' }).waitFor();
    assert.equal(await results.getByTestId('result-conversion-value').textContent(), '100.00%');
    await results.getByTestId('drill-opportunities').click();
    await marketer.getByTestId('drill-modal').getByTestId('drill-item').filter({ hasText: '新科技 CRM 项目' }).waitFor();
    if (SHOTS) await marketer.screenshot({ path: `${SHOTS}/campaign-results-after-pool.png` });
    await marketer.context().close();
  });

  it('a rep sees when a held lead returns to the pool and hands it back with a reason from its page', async () => {
    const admin = await apiAs(t, org.logins.admin);
    const made = await admin.post('/api/v1/pools/lead/groups', {
      name: '退回测试组', everyone: false, claimMode: 'claim', previewAllowed: true, maxHeld: null, membersMayMove: false,
      recycleIdleDays: 10, recycleUnconvertedDays: null,
    });
    assert.equal(made.statusCode, 201, made.body);
    const groupId = made.json().id as string;
    const put = await admin.put(`/api/v1/pools/lead/groups/${groupId}/members`, { members: [{ userId: org.userIds.rep, isAdmin: false }] });
    assert.ok(put.statusCode < 300, put.body);
    const lead = await admin.post('/api/v1/pools/lead/records', { name: '赵六', companyName: '天津物流', poolGroupId: groupId });
    assert.equal(lead.statusCode, 201, lead.body);
    const leadId = lead.json().id as string;
    const assigned = await admin.post('/api/v1/pools/lead/batch/assign', { ids: [leadId], userId: org.userIds.rep });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual(assigned.json().results.map((r: { ok: boolean }) => r.ok), [true]);

    const rep = await t.newPage();
    await signInThroughForm(rep, org.logins.rep, TEST_PASSWORD);
    await rep.goto(`/lead/${leadId}`);
    await rep.getByTestId('pool-status').filter({ hasText: /\d+ 天后退回公海（10 天未跟进规则）/ }).waitFor();
    if (SHOTS) await rep.screenshot({ path: `${SHOTS}/pool-detail.png` });
    await rep.getByTestId('pool-detail-return').click();
    assert.equal(await rep.getByTestId('pool-return-group').count(), 0, 'the group does not let members move records: no target group to choose');
    await rep.getByTestId('pool-return-reason').fill('客户暂无需求');
    await rep.getByTestId('pool-return-ok').click();
    await rep.getByText('“赵六”已退回公海池').waitFor();
    await rep.waitForURL((url) => url.pathname === '/lead');
    const row = (await sql<{ owner_id: string | null; pool_state: string; returned_count: number; pool_group_id: string }>`
      SELECT owner_id, pool_state, returned_count, pool_group_id FROM leads WHERE id = ${leadId}::uuid`.execute(t.database.db)).rows[0]!;
    assert.deepEqual(row, { owner_id: null, pool_state: 'pool', returned_count: 1, pool_group_id: groupId });

    // The pool's log names the reason.
    await rep.goto(`/lead-pool?group=${groupId}`);
    await rep.getByTestId('list-table').getByText('赵六', { exact: true }).waitFor();
    await rep.getByTestId('pool-events-open').click();
    await rep.getByTestId('pool-events').locator('tr', { hasText: '赵六' }).filter({ hasText: '原因：客户暂无需求' }).getByTestId('pool-event-return').waitFor();
    await rep.context().close();
  });

  it('the account pool is the same screen over accounts: its groups, its unclaimed accounts, 去客户池领取', async () => {
    const admin = await apiAs(t, org.logins.admin);
    const groups = (await admin.get('/api/v1/pools/account/groups')).json().items as { id: string; name: string; isDefault: boolean }[];
    const fallback = groups.find((g) => g.isDefault)!;
    const made = await admin.post('/api/v1/pools/account/records', { name: '北京公海客户有限公司', poolGroupId: fallback.id });
    assert.equal(made.statusCode, 201, made.body);

    const rep = await t.newPage();
    await signInThroughForm(rep, org.logins.rep, TEST_PASSWORD);
    await rep.goto('/account');
    await rep.getByTestId('go-to-pool').filter({ hasText: '去客户池领取' }).click();
    await rep.getByTestId('list-title').filter({ hasText: '客户公海池' }).waitFor();
    await rep.getByTestId('list-table').getByText('北京公海客户有限公司', { exact: true }).waitFor();
    await rep.getByTestId('pool-new-record').filter({ hasText: '新建客户' }).waitFor();
    assert.equal(await rep.getByTestId('pool-conversion-stats').count(), 0, 'lead conversion belongs to the lead pool');
    await rep.context().close();
  });
});

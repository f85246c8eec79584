import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { apiAs, TEST_PASSWORD, type ApiClient } from '../support/app';
import { chooseMenuItem, chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

/** Names in the list's name column, top to bottom. */
const listedNames = (page: Page) => page.getByTestId('list-table').getByTestId('record-link').allTextContents();

/** Waits for the next list request of an object whose query string passes `test`. */
const listAnswer = (page: Page, object: string, test: (params: URLSearchParams) => boolean = () => true, timeout?: number) =>
  page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === `/api/v1/${object}` && r.request().method() === 'GET' && test(url.searchParams);
  }, { timeout });

/** Switches the lead list to a view through the view switcher, until the list asks the server for it. */
const switchView = (page: Page, item: string, test: (params: URLSearchParams) => boolean) =>
  chooseMenuItem(page.getByTestId('view-switcher'), page.getByTestId(item), () => listAnswer(page, 'lead', test, 10_000));

describe('record screens in the browser (list, form, detail)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let rep: ApiClient;
  let admin: ApiClient;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    rep = await apiAs(t, org.logins.rep);
    admin = await apiAs(t, org.logins.admin);
  });
  after(() => t.close());

  const lead = (client: ApiClient, values: Record<string, unknown>) => client.create<{ id: string; version: number }>('/api/v1/lead', values);
  // Record tables are read with SQL: the engine's tables are not in the typed schema.
  type LeadRow = { id: string; name: string; company_name: string; mobile: string | null; status: string; owner_id: string; version: number };
  const leadsWhere = async (where: ReturnType<typeof sql>) =>
    (await sql<LeadRow>`SELECT id, name, company_name, mobile, status, owner_id, version FROM leads WHERE ${where} ORDER BY name`.execute(t.database.db)).rows;
  const leadRow = async (id: string) => (await leadsWhere(sql`id = ${id}::uuid`))[0]!;

  it('a rep creates, finds, filters, saves a view, sorts, arranges columns, batch-transfers and edits a lead', async () => {
    await lead(rep, { name: '陈一', companyName: '销售易', status: '已联系' });
    await lead(rep, { name: '刘二', companyName: '演示', status: '已联系' });
    const wang = await lead(rep, { name: '王五', companyName: '新科技' });
    // A lead the rep sees as a team member: in 全部, not in 我负责的.
    const shared = await lead(admin, { name: '管理员的线索', companyName: '总部' });
    assert.equal((await admin.put(`/api/v1/lead/${shared.id}/team/${org.userIds.rep}`, { access: 'read' })).statusCode, 204);

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.getByTestId('main-menu').getByText('销售线索', { exact: true }).click();
    await page.getByTestId('list-title').filter({ hasText: '销售线索' }).waitFor();

    // 新建: the required fields are enforced with their message before anything is sent.
    await page.getByTestId('new-record').click();
    await page.getByTestId('record-form').waitFor();
    await page.getByTestId('record-form-save').click();
    await page.getByText('请填写姓名').waitFor();
    await page.getByText('请填写公司名称').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-form.png` });
    await page.getByTestId('field-name').fill('张一');
    await page.getByTestId('field-companyName').fill('北京仁科互动');
    await page.getByTestId('field-mobile').fill('13567894561');
    await page.getByTestId('record-form-save').click();
    await page.getByText('销售线索已创建').waitFor();
    const created = await leadsWhere(sql`name = ${'张一'}`);
    assert.equal(created.length, 1, 'one record for one save');
    assert.equal(created[0]!.owner_id, org.userIds.rep);
    assert.equal(created[0]!.status, '未处理', 'the server default applies to a required field left off the form');

    // 我负责的: the rep's four leads, not the administrator's.
    await switchView(page, 'view-mine', (p) => p.get('view') === 'mine');
    await page.getByTestId('view-switcher').filter({ hasText: '我负责的销售线索' }).waitFor();
    await page.getByTestId('list-total').filter({ hasText: '共 4 条' }).waitFor();
    assert.deepEqual((await listedNames(page)).sort(), ['刘二', '张一', '王五', '陈一'].sort());

    // The 跟进状态 column's popover: 已联系 only, shown as a removable tag.
    await page.getByRole('columnheader', { name: '跟进状态' }).getByTestId('filter-status').click();
    await page.getByTestId('filter-popover-status').getByTestId('filter-option-已联系').click();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-filter.png` });
    await Promise.all([listAnswer(page, 'lead', (p) => (p.get('filter') ?? '').includes('已联系')), page.getByTestId('filter-popover-status').getByTestId('filter-apply').click()]);
    await page.getByTestId('filter-tag-status').filter({ hasText: '跟进状态: 已联系' }).waitFor();
    await page.getByTestId('list-total').filter({ hasText: '共 2 条' }).waitFor();
    assert.deepEqual((await listedNames(page)).sort(), ['刘二', '陈一'].sort());

    // Saved as a named view, which the list switches to; back to 全部 and to the view again.
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill('已联系的线索');
    await page.getByTestId('save-view-ok').click();
    await page.getByTestId('view-switcher').filter({ hasText: '已联系的线索' }).waitFor();
    await page.getByTestId('view-condition').first().waitFor();
    await switchView(page, 'view-all', (p) => p.get('view') === 'all' && !p.get('viewId'));
    await page.getByTestId('list-total').filter({ hasText: '共 5 条' }).waitFor();
    await switchView(page, 'view-saved-已联系的线索', (p) => !!p.get('viewId'));
    await page.getByTestId('list-total').filter({ hasText: '共 2 条' }).waitFor();
    const views = (await rep.get('/api/v1/views/lead')).json().items as { name: string }[];
    assert.deepEqual(views.map((v) => v.name), ['已联系的线索']);

    // Sorting by a header is done by the server: the rows come in its order.
    await switchView(page, 'view-mine', (p) => p.get('view') === 'mine');
    await page.getByTestId('list-total').filter({ hasText: '共 4 条' }).waitFor();
    const header = page.getByRole('columnheader', { name: '公司名称' });
    await Promise.all([listAnswer(page, 'lead', (p) => p.get('sort') === 'companyName'), header.click()]);
    const ascending = (await rep.get('/api/v1/lead?view=mine&sort=companyName')).json().items.map((r: { name: string }) => r.name);
    await page.waitForFunction((names) => [...document.querySelectorAll('[data-testid="list-table"] [data-testid="record-link"]')].map((e) => e.textContent).join() === names.join(), ascending);
    await Promise.all([listAnswer(page, 'lead', (p) => p.get('sort') === '-companyName'), header.click()]);
    const descending = (await rep.get('/api/v1/lead?view=mine&sort=-companyName')).json().items.map((r: { name: string }) => r.name);
    await page.waitForFunction((names) => [...document.querySelectorAll('[data-testid="list-table"] [data-testid="record-link"]')].map((e) => e.textContent).join() === names.join(), descending);
    assert.notDeepEqual(ascending, descending);

    // 编辑显示字段: 线索来源 shown, 电话 hidden, saved for this user.
    await page.getByRole('columnheader').getByTestId('column-settings').click();
    await page.getByTestId('columns-hidden').getByTestId('column-item-source').click();
    await page.getByTestId('column-move-right').click();
    await page.getByTestId('columns-shown').getByTestId('column-item-phone').click();
    await page.getByTestId('column-move-left').click();
    await page.getByTestId('columns-shown').getByTestId('column-item-source').click();
    await page.getByTestId('column-move-up').click();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-columns.png` });
    await page.getByTestId('columns-save').click();
    await page.getByTestId('columns-shown').waitFor({ state: 'detached' });
    await page.getByRole('columnheader', { name: '线索来源' }).waitFor();
    assert.equal(await page.getByRole('columnheader', { name: '电话', exact: true }).count(), 0);
    const columns = (await rep.get('/api/v1/views/lead/columns')).json().columns as string[];
    assert.ok(columns.includes('source') && !columns.includes('phone'), columns.join());
    assert.equal(columns.at(-1), 'poolGroupId', 'moved up above the last column (所属公海)');
    assert.equal(columns.at(-2), 'source');

    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-list.png`, fullPage: true });

    // Two rows selected, transferred to a colleague in one go.
    const row = (name: string) => page.getByTestId('list-table').locator('tr', { has: page.getByText(name, { exact: true }) });
    await row('陈一').locator('input[type=checkbox]').check();
    await row('刘二').locator('input[type=checkbox]').check();
    await page.getByTestId('selected-count').filter({ hasText: '已选中 2 项' }).waitFor();
    await page.getByTestId('batch-transfer').click();
    await chooseOption(page, page.getByTestId('batch-transfer-user'), '李同事', { serverSearch: '李同事' });
    await page.getByTestId('batch-transfer-ok').click();
    await page.getByText('已转移 2 条记录').waitFor();
    await page.getByTestId('list-total').filter({ hasText: '共 2 条' }).waitFor();
    const moved = await leadsWhere(sql`name = ANY(${['陈一', '刘二']}::text[])`);
    assert.deepEqual(moved.map((m) => m.owner_id), [org.userIds.peer, org.userIds.peer]);

    // The detail page: 资料 edited in place, then a team member added.
    await row('王五').getByTestId('record-link').click();
    await page.getByTestId('detail-name').filter({ hasText: '王五' }).waitFor();
    await page.getByTestId('detail-status').filter({ hasText: '未处理' }).waitFor();
    await page.getByTestId('detail-tab-fields').click();
    await page.getByTestId('edit-mobile').click();
    await page.getByTestId('field-mobile').fill('13800001111');
    await page.getByTestId('save-mobile').click();
    await page.getByTestId('value-mobile').filter({ hasText: '13800001111' }).waitFor();
    const edited = await leadRow(wang.id);
    assert.equal(edited.mobile, '13800001111');
    assert.equal(edited.version, wang.version + 1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-detail.png`, fullPage: true });

    await page.getByTestId('detail-tab-team').click();
    await chooseOption(page, page.getByTestId('team-user'), '周只读', { serverSearch: '周只读' });
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-member-周只读').waitFor();
    const members = await t.database.db.selectFrom('record_team_members').select(['user_id', 'access']).where('record_id', '=', wang.id).execute();
    assert.deepEqual(members, [{ user_id: org.userIds.teamRead, access: 'read' }]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-team.png`, fullPage: true });
    await page.context().close();
  });

  it('a stale edit answers the conflict and loses neither the other change nor what the user typed', async () => {
    const created = await lead(rep, { name: '赵六', companyName: '旧公司' });
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/lead/${created.id}`);
    await page.getByTestId('detail-name').filter({ hasText: '赵六' }).waitFor();
    await page.getByTestId('detail-tab-fields').click();
    await page.getByTestId('edit-companyName').click();
    await page.getByTestId('field-companyName').fill('销售写的公司');

    // Meanwhile the administrator changes the same record through the API.
    const other = await admin.patch(`/api/v1/lead/${created.id}`, { companyName: '管理员改的公司', version: created.version });
    assert.equal(other.statusCode, 200, other.body);

    await page.getByTestId('save-companyName').click();
    await page.getByTestId('conflict-alert').filter({ hasText: '记录已被他人修改' }).waitFor();
    assert.equal(await page.getByTestId('field-companyName').inputValue(), '销售写的公司', 'what the user typed stays');
    assert.equal((await leadRow(created.id)).company_name, '管理员改的公司', 'the other change stands');

    // Reload the newest version, then save again: now it goes through on the new version.
    await page.getByTestId('conflict-reload').click();
    await page.getByTestId('conflict-alert').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('field-companyName').inputValue(), '销售写的公司');
    await page.getByTestId('save-companyName').click();
    await page.getByTestId('value-companyName').filter({ hasText: '销售写的公司' }).waitFor();
    const row = await leadRow(created.id);
    assert.equal(row.company_name, '销售写的公司');
    assert.equal(row.version, created.version + 2);
    await page.context().close();
  });

  it('高级筛选 combines conditions into a named view; an account lists its contacts and creates one in place', async () => {
    const account = await admin.create('/api/v1/account', { name: '仁科互动', ownerId: org.userIds.rep });
    await lead(rep, { name: '钱七', companyName: '仁和一号', status: '已联系' });
    await lead(rep, { name: '孙八', companyName: '仁和二号' });
    await lead(rep, { name: '周九', companyName: '贸易公司' });

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/lead');
    await page.getByTestId('list-table').waitFor();
    await page.getByTestId('advanced-filter-open').click();
    await chooseOption(page, page.getByTestId('condition-field-0'), '公司名称', { search: '公司名称' });
    await page.getByTestId('condition-value-companyName').fill('仁和');
    await page.getByTestId('add-condition').click();
    await chooseOption(page, page.getByTestId('condition-field-1'), '跟进状态', { search: '跟进状态' });
    await chooseOption(page, page.getByTestId('condition-value-status'), '未处理', { search: '未处理' });
    await page.keyboard.press('Escape');
    await page.getByTestId('advanced-view-name').fill('仁和未处理');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-advanced.png` });
    await Promise.all([listAnswer(page, 'lead', (p) => !!p.get('viewId')), page.getByTestId('advanced-save').click()]);
    await page.getByTestId('view-switcher').filter({ hasText: '仁和未处理' }).waitFor();
    assert.deepEqual(await listedNames(page), ['孙八']);
    const saved = (await rep.get('/api/v1/views/lead')).json().items.find((v: { name: string }) => v.name === '仁和未处理');
    assert.deepEqual(saved.filter, { and: [{ field: 'companyName', op: 'contains', value: '仁和' }, { field: 'status', op: 'in', value: ['未处理'] }] });

    // The account's 联系人 tab: "+" opens the contact form with the account already chosen.
    await page.goto(`/account/${account.id}`);
    await page.getByTestId('detail-name').filter({ hasText: '仁科互动' }).waitFor();
    await page.getByTestId('detail-tab-related-contact-accountId').click();
    await page.getByTestId('related-create-contact').click();
    await page.getByTestId('field-accountId').filter({ hasText: '仁科互动' }).waitFor();
    await page.getByTestId('field-name').fill('张月');
    await page.getByTestId('record-form-save').click();
    await page.getByTestId('related-contact').getByText('张月').waitFor();
    const contact = (await sql<{ account_id: string; owner_id: string }>`SELECT account_id, owner_id FROM contacts WHERE name = ${'张月'}`.execute(t.database.db)).rows;
    assert.deepEqual(contact, [{ account_id: account.id, owner_id: org.userIds.rep }]);
    await page.getByTestId('related-layout-contact').locator('.ant-segmented-item').nth(1).click();
    await page.getByTestId('related-contact').locator('table').getByText('张月').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/records-related.png`, fullPage: true });
    await page.context().close();
  });
});

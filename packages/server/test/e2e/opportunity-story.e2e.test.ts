import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Locator } from 'playwright-core';
import { TEST_PASSWORD } from '../support/app';
import { dragTo, chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;
const ACCOUNT = '北京仁科互动科技有限公司';
const OPPORTUNITY = '仁科 CRM 一期';
const POST = '与王采购确认一期范围，下周提交报价';
// The simple sales process lets a card go straight to 赢单; one drag is what a rep closing a deal does.
const STAGES = ['初步接洽', '赢单'];

/** The input of an antd number box found by its test id (the id sits on the input or its wrapper). */
const numberInput = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Polls until `check` holds (the server stores a kanban move after the card has landed). */
async function until(check: () => Promise<boolean>, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    assert.ok(Date.now() < end, 'timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('销售机会 from an account to 赢单 in the browser (§3.6, §3.7.4–§3.7.7)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let accountId: string;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    const bearer = async (login: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login, password: TEST_PASSWORD } });
      assert.equal(res.statusCode, 200, res.body);
      const headers = { authorization: `Bearer ${res.json().token as string}` };
      return async (url: string, payload: object) => {
        const made = await t.app.inject({ method: 'POST', url, payload, headers });
        assert.equal(made.statusCode, 201, made.body);
        return made.json().id as string;
      };
    };
    const admin = await bearer(org.logins.admin);
    const rep = await bearer(org.logins.rep);
    await admin('/api/v1/product', { name: '机架服务器', price: '33.33', unit: '台' });
    await admin('/api/v1/product', { name: '销售软件授权', price: '1000.00', unit: '套' });
    accountId = await rep('/api/v1/account', { name: ACCOUNT });
    await rep('/api/v1/contact', { name: '王采购', accountId, title: '采购经理' });
    await rep('/api/v1/contact', { name: '赵工', accountId, title: 'IT 主管' });
  });
  after(() => t.close());

  const db = () => t.database.db;
  const stays = (id: string) => db().selectFrom('opportunity_stage_history').select(['stage', 'entered_by', 'left_at', 'next_stage'])
    .where('tenant_id', '=', org.tenantId).where('opportunity_id', '=', id).orderBy('id').execute();

  it('a rep creates an opportunity on the account, adds contacts with roles and products, posts a 动态, drags it to 赢单 and finds it ranked in 活动记录', async () => {
    const page = await t.newPage();
    // Wide enough that every kanban column, 赢单 included, is on screen for the drags.
    await page.setViewportSize({ width: 2200, height: 900 });
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);

    // The account's page: 新建 → 销售机会, the account already filled in.
    await page.goto(`/account/${accountId}`);
    await page.getByTestId('detail-name').filter({ hasText: ACCOUNT }).waitFor();
    await page.getByTestId('detail-create').click();
    await page.getByTestId('detail-create-opportunity').click();
    const form = page.getByTestId('record-form');
    await form.getByTestId('field-accountId').filter({ hasText: ACCOUNT }).waitFor();
    await form.getByTestId('field-name').fill(OPPORTUNITY);
    // The form leaves 销售阶段 (options from the company's sales process) for the rep to choose.
    await chooseOption(page, form.getByTestId('field-stage'), '初步接洽');
    await page.getByTestId('record-form-save').click();
    await page.getByTestId('related-opportunity').getByText(OPPORTUNITY).waitFor();
    const made = (await sql<{ id: string; account_id: string; owner_id: string; stage: string }>`
      SELECT id, account_id, owner_id, stage FROM opportunities WHERE tenant_id = ${org.tenantId}::uuid AND name = ${OPPORTUNITY}`.execute(db())).rows;
    assert.equal(made.length, 1);
    const opportunity = made[0]!;
    assert.deepEqual([opportunity.account_id, opportunity.owner_id, opportunity.stage], [accountId, org.userIds.rep, '初步接洽']);
    const id = opportunity.id;
    assert.deepEqual((await stays(id)).map((s) => [s.stage, s.entered_by, s.left_at]), [['初步接洽', org.userIds.rep, null]]);

    // 联系人 with their roles in the decision chain.
    await page.goto(`/opportunity/${id}?tab=opportunity-contacts`);
    const contacts = page.getByTestId('opportunity-contacts');
    for (const [name, role] of [['王采购', '决策者'], ['赵工', '技术把关者']] as const) {
      await contacts.getByTestId('contacts-add').click();
      await chooseOption(page, page.getByTestId('contact-pick'), name);
      await chooseOption(page, page.getByTestId('contact-role-pick'), role);
      await page.getByTestId('contact-add-ok').click();
      await contacts.locator('tr', { hasText: name }).waitFor();
    }
    assert.match(await contacts.getByTestId('decision-chain').innerText(), /决策者[\s\S]*王采购[\s\S]*技术把关者[\s\S]*赵工/);
    const roles = (await sql<{ name: string; role: string; account_id: string }>`
      SELECT c.name, oc.role, c.account_id FROM opportunity_contacts oc
      JOIN contacts c ON c.tenant_id = oc.tenant_id AND c.id = oc.contact_id
      WHERE oc.tenant_id = ${org.tenantId}::uuid AND oc.opportunity_id = ${id}::uuid ORDER BY c.name`.execute(db())).rows;
    assert.deepEqual(roles.map((r) => [r.name, r.role, r.account_id]).sort(), [['王采购', '决策者', accountId], ['赵工', '技术把关者', accountId]].sort());

    // 产品: two lines; the opportunity's amount becomes their sum.
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
    await page.getByText('已添加产品 2 种，总金额 ¥1,444.99').first().waitFor();
    await page.getByTestId('products-save').click();
    await products.getByTestId('lines-summary').filter({ hasText: '总金额 ¥1,444.99' }).waitFor();
    const lines = (await sql<{ name: string; price: string; quantity: string; discount: string; total: string }>`
      SELECT p.name, op.price, op.quantity, op.discount, op.total FROM opportunity_products op
      JOIN products p ON p.tenant_id = op.tenant_id AND p.id = op.product_id
      WHERE op.tenant_id = ${org.tenantId}::uuid AND op.opportunity_id = ${id}::uuid ORDER BY op.position`.execute(db())).rows;
    assert.deepEqual(lines.map((l) => [l.name, Number(l.price), Number(l.quantity), Number(l.discount), l.total]), [
      ['机架服务器', 33.33, 3, 95, '94.99'],
      ['销售软件授权', 1000, 1.5, 90, '1350.00'],
    ]);
    const amount = (await sql<{ amount: string; sum: string }>`
      SELECT o.amount, (SELECT sum(total) FROM opportunity_products op WHERE op.tenant_id = o.tenant_id AND op.opportunity_id = o.id) AS sum
      FROM opportunities o WHERE o.tenant_id = ${org.tenantId}::uuid AND o.id = ${id}::uuid`.execute(db())).rows[0]!;
    assert.equal(amount.amount, '1444.99');
    assert.equal(amount.amount, amount.sum, 'the amount is the lines\' sum');
    await page.getByTestId('detail-tab-fields').click();
    await page.getByTestId('value-amount').filter({ hasText: '1,444.99' }).waitFor();

    // 动态 on the opportunity.
    await page.goto(`/opportunity/${id}?tab=activity`);
    await page.getByTestId('activity-composer').waitFor();
    await chooseOption(page, page.getByTestId('activity-type'), '拜访');
    const text = page.getByTestId('activity-text').locator('textarea').or(page.locator('textarea[data-testid="activity-text"]')).first();
    await text.click();
    await text.pressSequentially(POST);
    await page.getByTestId('activity-publish').click();
    await page.getByTestId('activity-item').filter({ hasText: POST }).waitFor();
    const posts = (await sql<{ type: string; created_by: string }>`
      SELECT type, created_by FROM activities WHERE tenant_id = ${org.tenantId}::uuid
      AND related_object = 'opportunity' AND related_id = ${id} AND content LIKE ${`%${POST}%`}`.execute(db())).rows;
    assert.deepEqual(posts, [{ type: '拜访', created_by: org.userIds.rep }]);

    // 看板: dragged to 赢单; the drop is stored, then the board reloads its counts.
    await page.goto('/opportunity');
    await page.getByTestId('list-mode-kanban').click();
    const card = page.getByTestId(`kanban-card-${id}`);
    await page.getByTestId('kanban-column-初步接洽').getByTestId(`kanban-card-${id}`).waitFor();
    await page.getByTestId('kanban-amount-初步接洽').filter({ hasText: '¥1,444.99' }).waitFor();
    for (const [index, stage] of STAGES.entries()) {
      if (index === 0) continue;
      await dragTo(page, card, page.getByTestId(`kanban-column-${stage}`));
      await page.getByTestId(`kanban-column-${stage}`).getByTestId(`kanban-card-${id}`).waitFor();
      // The card lands at once; the move is stored after, and the board reloads its counts.
      await until(async () => (await stays(id)).length === index + 1);
      assert.deepEqual((await stays(id)).map((s) => s.stage), STAGES.slice(0, index + 1));
      await page.getByTestId(`kanban-count-${STAGES[index - 1]!}`).filter({ hasText: /^0$/ }).waitFor();
      await page.getByTestId(`kanban-count-${stage}`).filter({ hasText: /^1$/ }).waitFor();
    }
    await page.getByTestId('kanban-amount-赢单').filter({ hasText: '¥1,444.99' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opportunity-story-won.png`, fullPage: true });
    const history = await stays(id);
    assert.deepEqual(history.map((s) => s.stage), STAGES);
    assert.ok(history.every((s) => s.entered_by === org.userIds.rep));
    // Every stay but the last was left for the next one; 赢单 is where it rests.
    history.forEach((s, i) => {
      if (i < history.length - 1) assert.ok(s.left_at && s.next_stage === STAGES[i + 1], `${s.stage} left for ${STAGES[i + 1]}`);
      else assert.equal(s.left_at, null);
    });
    const won = (await sql<{ stage: string }>`SELECT stage FROM opportunities WHERE tenant_id = ${org.tenantId}::uuid AND id = ${id}::uuid`.execute(db())).rows[0]!;
    assert.equal(won.stage, '赢单');

    // 活动记录: the rep's 动态 in the list, and the rep in the 排行榜 with their count.
    const count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM activities WHERE tenant_id = ${org.tenantId}::uuid AND created_by = ${org.userIds.rep}::uuid`.execute(db())).rows[0]!.n);
    assert.ok(count >= 1);
    await page.goto('/activity');
    const list = page.getByTestId('activity-records');
    const row = list.locator('tr', { hasText: POST });
    await row.waitFor();
    await row.getByRole('link', { name: OPPORTUNITY }).waitFor();
    assert.equal(await row.getByTestId('activity-record-person').innerText(), '孙销售');
    await page.getByTestId('toggle-ranking').click();
    const ranked = page.getByTestId('activity-ranking').getByTestId('ranking-row-孙销售');
    await ranked.waitFor();
    assert.match(await ranked.innerText(), new RegExp(`华北区\\s+${count}`));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opportunity-story-ranking.png`, fullPage: true });
    await page.context().close();
  });
});

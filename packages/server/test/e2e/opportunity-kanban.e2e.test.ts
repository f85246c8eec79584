import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { apiAs, TEST_PASSWORD } from '../support/app';
import { dragTo, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

describe('销售机会看板 in the browser (§3.7.4, §3.7.6)', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
  });
  after(() => t.close());

  const stays = (id: string) => t.database.db.selectFrom('opportunity_stage_history').select(['stage', 'entered_by', 'left_at'])
    .where('tenant_id', '=', org.tenantId).where('opportunity_id', '=', id).orderBy('id').execute();

  it('drags a card to the next stage, then a guided process refuses a move whose task is not done, and the stage bar ticks it and advances', async () => {
    const rep = await apiAs(t, org.logins.rep);
    const account = await rep.post('/api/v1/account', { name: '上海华信软件股份有限公司' });
    assert.equal(account.statusCode, 201, account.body);
    const make = async (name: string, stage: string, amount: string) => {
      const res = await rep.post('/api/v1/opportunity', { name, accountId: account.json().id, stage, amount });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const big = await make('华信 CRM 项目', '初步接洽', '100000.00');
    await make('华信 呼叫中心', '初步接洽', '2000.50');
    await make('华信 数据迁移', '需求确定', '300.00');

    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto('/opportunity');
    await page.getByTestId('list-mode-kanban').click();
    const count = (stage: string) => page.getByTestId(`kanban-count-${stage}`);
    const amount = (stage: string) => page.getByTestId(`kanban-amount-${stage}`);
    await assertText(count('初步接洽'), '2');
    await assertText(amount('初步接洽'), '¥102,000.50');
    await assertText(count('需求确定'), '1');
    await assertText(amount('需求确定'), '¥300.00');

    await dragTo(page, page.getByTestId(`kanban-card-${big}`), page.getByTestId('kanban-column-需求确定'));
    // The card moves at once; the server has stored the move when the board says so.
    await page.getByText('已推进到“需求确定”').waitFor();
    await assertText(count('初步接洽'), '1');
    await assertText(amount('初步接洽'), '¥2,000.50');
    await assertText(count('需求确定'), '2');
    await assertText(amount('需求确定'), '¥100,300.00');
    await page.getByTestId('kanban-column-需求确定').getByTestId(`kanban-card-${big}`).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opportunity-kanban.png`, fullPage: true });
    const afterDrag = await stays(big);
    assert.deepEqual(afterDrag.map((s) => [s.stage, s.entered_by]), [['初步接洽', org.userIds.rep], ['需求确定', org.userIds.rep]]);
    assert.ok(afterDrag[0]!.left_at && !afterDrag[1]!.left_at);

    // The administrator turns on guided selling with a task in 需求确定, through 系统设置 → 销售流程.
    const admin = await t.newPage();
    await signInThroughForm(admin, org.logins.admin, TEST_PASSWORD);
    await admin.goto('/settings/system/sales-process');
    await admin.getByTestId('sales-mode-guided').click();
    await admin.getByTestId('stage-tasks-需求确定').click();
    await admin.getByTestId('task-add').click();
    await admin.getByTestId('task-title-0').fill('确认预算');
    await admin.getByTestId('tasks-ok').click();
    await assertText(admin.getByTestId('stage-tasks-需求确定'), '1 项任务');
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/sales-process-settings.png`, fullPage: true });
    await admin.getByTestId('sales-save').click();
    await admin.getByText('已保存').first().waitFor();
    const process = (await (await apiAs(t, org.logins.admin)).get('/api/v1/sales-process')).json();
    assert.equal(process.mode, 'guided');
    assert.deepEqual(process.stages.find((s: { value: string }) => s.value === '需求确定').tasks.map((x: { title: string }) => x.title), ['确认预算']);

    // The drag is refused: the card snaps back and the reason shows.
    await page.reload();
    await assertText(count('需求确定'), '2');
    await dragTo(page, page.getByTestId(`kanban-card-${big}`), page.getByTestId('kanban-column-方案/报价'));
    await assertText(page.getByTestId('kanban-refused'), '请先完成“需求确定”阶段的任务：确认预算');
    await page.getByTestId('kanban-column-需求确定').getByTestId(`kanban-card-${big}`).waitFor();
    await assertText(count('需求确定'), '2');
    await assertText(count('方案/报价'), '0');
    assert.equal((await stays(big)).length, 2, 'a refused move leaves no history');

    // On the opportunity, the stage bar shows the task; ticked, the next stage opens.
    await page.getByTestId(`kanban-card-${big}`).getByRole('link').click();
    await page.getByTestId('stage-bar').waitFor();
    await page.getByTestId('stage-task-确认预算').click();
    await page.getByTestId('stage-next').click();
    await page.getByTestId('stage-move-ok').click();
    await assertText(page.getByTestId('detail-status'), '方案/报价');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/opportunity-stage-bar.png`, fullPage: true });
    assert.deepEqual((await stays(big)).map((s) => s.stage), ['初步接洽', '需求确定', '方案/报价']);
    await page.getByTestId('stage-history-toggle').click();
    assert.equal(await page.getByTestId('stage-history-item').count(), 3);
  });
});

/** Waits until the element's text contains `text` (the board reloads after a move). */
async function assertText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).first().waitFor();
}

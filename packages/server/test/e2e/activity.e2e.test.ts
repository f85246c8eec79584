import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiAs, TEST_PASSWORD, type ApiClient } from '../support/app';
import { chooseOption, signInThroughForm, startBrowserTest, type BrowserTest } from '../support/browser';
import { createOrg } from '../support/org';
import { PDF, PNG } from '../support/uploads';

const SHOTS = process.env.YIXIAO_E2E_SCREENSHOTS;

describe('动态, 任务日程, 文档 and 操作记录 on a lead in the browser', () => {
  let t: BrowserTest;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let leadId: string;
  let rep: ApiClient;

  before(async () => {
    t = await startBrowserTest();
    org = await createOrg(t);
    rep = await apiAs(t, org.logins.rep);
    const lead = await rep.create<{ id: string; version: number }>('/api/v1/lead', { name: '李四', companyName: '北京仁科互动' });
    leadId = lead.id;
    assert.equal((await rep.patch(`/api/v1/lead/${leadId}`, { status: '已联系', version: lead.version })).statusCode, 200);
    // Hostile content sent straight to the API: the feed must show it harmless.
    await rep.create(`/api/v1/lead/${leadId}/activities`, { type: '其他', content: '<p>旧记录</p><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>' });
  });
  after(() => t.close());

  it('a rep posts a 动态 with an @mention and a picture, adds and completes a task, uploads a document and reads the history', async () => {
    const page = await t.newPage();
    await signInThroughForm(page, org.logins.rep, TEST_PASSWORD);
    await page.goto(`/lead/${leadId}?tab=activity`);
    await page.getByTestId('activity-composer').waitFor();
    await page.getByTestId('activity-item').filter({ hasText: '旧记录' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'no script ran');

    // Type 拜访, text with an @mention picked from the list, a picture; 发布.
    await chooseOption(page, page.getByTestId('activity-type'), '拜访');
    const text = page.getByTestId('activity-text').locator('textarea').or(page.locator('textarea[data-testid="activity-text"]')).first();
    await text.click();
    await text.pressSequentially('上门拜访，请 @李');
    await page.locator('.ant-mentions-dropdown:visible .ant-mentions-dropdown-menu-item', { hasText: '李同事' }).click();
    await text.pressSequentially('准备报价');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('activity-attach-image').click();
    await (await chooser).setFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('activity-attachments').getByText('现场.png').waitFor();
    await page.getByTestId('activity-publish').click();

    const posted = page.getByTestId('activity-item').filter({ hasText: '上门拜访' });
    await posted.waitFor();
    assert.equal(await posted.getByTestId('activity-item-type').textContent(), '拜访');
    assert.equal(await posted.locator('[data-mention-id]').textContent(), '@李同事');
    await posted.locator('img[alt="现场.png"]').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-feed.png`, fullPage: true });
    const mention = await t.database.db.selectFrom('notifications').select('title').where('user_id', '=', org.userIds.peer).executeTakeFirst();
    assert.equal(mention?.title, '孙销售 在销售线索「李四」的动态中提到了你');
    assert.ok((await rep.get(`/api/v1/lead/${leadId}`)).json().lastActivityAt, 'the lead counts as followed up');

    // 任务日程: a task for myself, completed with its checkbox.
    await page.getByTestId('detail-tab-tasks').click();
    await page.getByTestId('task-new').click();
    await page.getByTestId('task-subject').fill('寄送样品');
    await page.getByTestId('task-save').click();
    const task = page.getByTestId('task-row-寄送样品');
    await task.waitFor();
    await task.getByTestId('task-done').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="task-row-寄送样品"] .ant-checkbox-checked') !== null);
    await task.getByTestId('task-open').click();
    await page.getByTestId('task-comment-text').fill('已寄出');
    await page.getByTestId('task-comment-send').click();
    await page.getByTestId('task-comment').filter({ hasText: '已寄出' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-task-drawer.png`, fullPage: true });
    await page.keyboard.press('Escape');

    // 文档: upload a PDF.
    await page.getByTestId('detail-tab-files').click();
    const pdfChooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-upload').click();
    await (await pdfChooser).setFiles({ name: '报价单.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('file-row-报价单.pdf').waitFor();

    // 操作记录: field changes in words, and the tabs' events.
    await page.getByTestId('detail-tab-history').click();
    await page.getByTestId('history-line').filter({ hasText: '孙销售 把 跟进状态 从 未处理 改为 已联系' }).waitFor();
    await page.getByTestId('history-line').filter({ hasText: '孙销售 上传了文档 报价单.pdf' }).waitFor();
    await page.getByTestId('history-line').filter({ hasText: '孙销售 完成了任务：寄送样品' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-history.png`, fullPage: true });

    // 我的任务: the finished task under 已完成.
    await page.goto('/task');
    await page.getByTestId('my-tasks').waitFor();
    await page.getByTestId('my-tasks-done').click();
    await page.getByTestId('task-row-寄送样品').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-my-tasks.png`, fullPage: true });
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

describe('feedback (帮助 → 意见反馈)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let rep: Client;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    rep = await signIn(t, company.logins.rep);
    admin = await signIn(t, company.logins.admin);
  });
  after(() => t.close());

  it('takes feedback from anyone, tells the administrators, and answers the author', async () => {
    const sent = await rep.post('/api/v1/feedback', { category: 'suggestion', content: '希望客户列表可以按城市筛选' });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().status, 'open');
    const adminInbox = (await admin.get('/api/v1/notifications?kind=notice')).json();
    assert.equal(adminInbox.items[0].title, '新的意见反馈（建议）');
    assert.equal(adminInbox.items[0].link, '/settings/system/feedback');

    const list = (await admin.get('/api/v1/feedback?status=open')).json();
    assert.equal(list.total, 1);
    assert.equal(list.items[0].authorName, '张三');

    const replied = await admin.post(`/api/v1/feedback/${sent.json().id}/reply`, { reply: '已排入下个版本' });
    assert.equal(replied.statusCode, 200, replied.body);
    assert.equal(replied.json().status, 'replied');
    assert.equal(replied.json().repliedByName, '管理员');

    const repInbox = (await rep.get('/api/v1/notifications?kind=notice')).json();
    assert.equal(repInbox.items[0].title, '您的意见反馈已有答复');
    assert.equal(repInbox.items[0].body, '已排入下个版本');
    assert.equal(repInbox.items[0].link, '/help/feedback');
    const mine = (await rep.get('/api/v1/feedback/mine')).json().items;
    assert.equal(mine[0].reply, '已排入下个版本');
    assert.equal((await admin.get('/api/v1/feedback?status=open')).json().total, 0);
  });

  it('refuses a rep the feedback list and replies', async () => {
    assert.equal((await rep.get('/api/v1/feedback')).statusCode, 403);
    const own = (await rep.get('/api/v1/feedback/mine')).json().items[0];
    assert.equal((await rep.post(`/api/v1/feedback/${own.id}/reply`, { reply: '自问自答' })).statusCode, 403);
  });

  it('validates category and content, and keeps companies apart', async () => {
    assert.equal((await rep.post('/api/v1/feedback', { category: 'rant', content: 'x' })).statusCode, 400);
    assert.equal((await rep.post('/api/v1/feedback', { category: 'bug', content: '   ' })).statusCode, 400);
    const other = await createCompany(t);
    const otherAdmin = await signIn(t, other.logins.admin);
    assert.equal((await otherAdmin.get('/api/v1/feedback')).json().total, 0);
    const own = (await rep.get('/api/v1/feedback/mine')).json().items[0];
    assert.equal((await otherAdmin.post(`/api/v1/feedback/${own.id}/reply`, { reply: '越权' })).statusCode, 404);
  });
});

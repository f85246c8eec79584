import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInOrg, type Seat } from './support/org';
import { startTestApp, type Client, type TestApp } from './support/app';

describe('联系人: a contact always belongs to an account the writer may see (§3.6)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let accountId: string;

  before(async () => {
    t = await startTestApp();
    ({ c } = await signedInOrg(t));
    accountId = (await c.rep.post('/api/v1/account', { name: '联系人测试客户有限公司' })).json().id;
  });
  after(() => t.close());

  it('refuses a contact without an account, or with one the writer cannot see; takes one with an account', async () => {
    const missing = await c.rep.post('/api/v1/contact', { name: '无客户' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.details, [{ field: 'accountId', reason: 'required' }]);
    const peersAccount = (await c.peer.post('/api/v1/account', { name: '别人的客户有限公司' })).json().id as string;
    const hidden = await c.rep.post('/api/v1/contact', { name: '越权', accountId: peersAccount });
    assert.equal(hidden.statusCode, 400);
    assert.deepEqual(hidden.json().error.details, [{ field: 'accountId', reason: 'bad_reference' }]);

    const made = await c.rep.post('/api/v1/contact', { name: '王芳', accountId, title: '采购经理', mobile: '13900001111', dept: '采购部' });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().display.accountId, '联系人测试客户有限公司');
    assert.equal(made.json().ownerId !== null, true);
    const cleared = await c.rep.patch(`/api/v1/contact/${made.json().id}`, { version: made.json().version, accountId: null });
    assert.equal(cleared.statusCode, 400, 'the account cannot be taken away');
  });

  it('lists an account’s contacts for its page (the related list) and follows a contact up in its 动态', async () => {
    const second = await c.rep.post('/api/v1/contact', { name: '李强', accountId });
    assert.equal(second.statusCode, 201, second.body);
    const filter = encodeURIComponent(JSON.stringify({ field: 'accountId', op: 'eq', value: accountId }));
    const related = (await c.rep.get(`/api/v1/contact?filter=${filter}&view=all`)).json();
    assert.deepEqual((related.items as { name: string }[]).map((x) => x.name).sort(), ['李强', '王芳'].sort());
    // The account's manager sees them too; a colleague elsewhere does not.
    assert.equal((await c.manager.get(`/api/v1/contact?filter=${filter}`)).json().total, 2);
    assert.equal((await c.peer.get(`/api/v1/contact?filter=${filter}`)).json().total, 0);

    const posted = await c.rep.post(`/api/v1/contact/${second.json().id}/activities`, { type: '电话', content: '<p>约了下周拜访</p>' });
    assert.equal(posted.statusCode, 201, posted.body);
    const feed = (await c.rep.get(`/api/v1/contact/${second.json().id}/activities`)).json();
    assert.equal(feed.items.length, 1);
    assert.ok((await c.rep.get(`/api/v1/contact/${second.json().id}`)).json().lastActivityAt, '最新活动记录时间 follows');
  });
});

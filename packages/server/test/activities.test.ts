import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';
import { PNG, uploadFile } from './support/uploads';

describe('动态: posting activities on records (§3.5.9)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let leadId: string;

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    const created = await c.rep.post('/api/v1/lead', { name: '李四', companyName: '北京仁科互动' });
    assert.equal(created.statusCode, 201, created.body);
    leadId = created.json().id;
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
  });
  after(() => t.close());

  const inStale7 = async (client: Client, object: string, id: string) =>
    (await client.get(`/api/v1/${object}?view=stale7&pageSize=200`)).json().items.some((r: { id: string }) => r.id === id);
  const notificationsOf = (userId: string) =>
    t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

  it('posting updates 最新活动记录时间 and takes the lead out of 7天未跟进', async () => {
    assert.equal(await inStale7(c.rep, 'lead', leadId), true, 'a lead never followed up is stale');
    const before = (await c.rep.get(`/api/v1/lead/${leadId}`)).json();
    assert.equal(before.lastActivityAt, null);

    const posted = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '电话', content: '<p>电话沟通，客户有采购意向</p>' });
    assert.equal(posted.statusCode, 201, posted.body);
    assert.equal(posted.json().type, '电话');
    assert.equal(posted.json().poster.name, '孙销售');
    assert.deepEqual(posted.json().source, { object: 'lead', id: leadId, name: '李四' });

    const after = (await c.rep.get(`/api/v1/lead/${leadId}`)).json();
    assert.ok(after.lastActivityAt, 'the record shows when it was last followed up');
    assert.equal(after.version, before.version, 'following up is not an edit: nobody editing meets a conflict');
    assert.equal(await inStale7(c.rep, 'lead', leadId), false);
  });

  it('strips script, event handlers and javascript: links from the content', async () => {
    const res = await c.rep.post(`/api/v1/lead/${leadId}/activities`, {
      type: '拜访',
      content: '<p onclick="steal()">拜访<script>alert(document.cookie)</script><img src=x onerror="alert(1)"></p><a href="javascript:alert(1)">链接</a><a href="https://example.com">官网</a>',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { content } = res.json() as { content: string };
    assert.doesNotMatch(content, /script|onclick|onerror|javascript:|<img/i);
    assert.match(content, /拜访/);
    assert.match(content, /<a href="https:\/\/example.com" target="_blank" rel="noopener noreferrer nofollow">官网<\/a>/);
    const stored = await t.database.db.selectFrom('activities').select('content').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.content, /script|onclick|onerror|javascript:/i, 'what is stored is already clean');
  });

  it('takes plain text as text, keeping line breaks and escaping angle brackets', async () => {
    const res = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '其他', content: '报价 <5 万\n下周再联系' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().content, '报价 &lt;5 万<br />下周再联系');
  });

  it('refuses an unknown or empty activity', async () => {
    const badType = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '飞鸽传书', content: '你好' });
    assert.equal(badType.statusCode, 400);
    assert.match(badType.json().error.message, /飞鸽传书/);
    const empty = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '电话', content: '<script>x</script>' });
    assert.equal(empty.statusCode, 400, 'nothing left after sanitising');
    const future = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '电话', content: '明天', occurredAt: new Date(Date.now() + 86_400_000).toISOString() });
    assert.equal(future.statusCode, 400);
  });

  it('lists the feed newest first, paged, with poster names', async () => {
    const page = await c.rep.get(`/api/v1/lead/${leadId}/activities?pageSize=2`);
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json();
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 3);
    assert.equal(body.items[0].type, '其他', 'the latest post comes first');
    assert.ok(Date.parse(body.items[0].occurredAt) >= Date.parse(body.items[1].occurredAt));
    assert.equal(body.items[0].poster.name, '孙销售');
  });

  it('lets a read-only team member post; anyone who cannot see the record gets 404 on every route', async () => {
    const byTeam = await c.teamRead.post(`/api/v1/lead/${leadId}/activities`, { type: '会议', content: '参加了客户会议' });
    assert.equal(byTeam.statusCode, 201, byTeam.body);
    for (const client of [c.peer, outsider]) {
      const list = await client.get(`/api/v1/lead/${leadId}/activities`);
      assert.equal(list.statusCode, 404);
      assert.doesNotMatch(list.body, /李四|客户会议/);
      assert.equal((await client.post(`/api/v1/lead/${leadId}/activities`, { type: '电话', content: 'x' })).statusCode, 404);
      assert.equal((await uploadFile(t, client, `/api/v1/lead/${leadId}/activities/attachments`, 'a.png', PNG)).statusCode, 404);
    }
  });

  it('@mention notifies the colleague, with an email per their subscription', async () => {
    await t.database.db.updateTable('users').set({ email: 'peer@example.com', email_verified_at: new Date() }).where('id', '=', org.userIds.peer).execute();
    const res = await c.rep.post(`/api/v1/lead/${leadId}/activities`, {
      type: '电话', content: `<p>请 <span data-mention-id="${org.userIds.peer}">@李同事</span> 跟进报价</p>`, mentions: [org.userIds.peer, org.userIds.rep],
    });
    assert.equal(res.statusCode, 201, res.body);
    const notes = await notificationsOf(org.userIds.peer);
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.title, '孙销售 在销售线索「李四」的动态中提到了你');
    assert.match(notes[0]!.body, /请 @李同事 跟进报价/);
    assert.equal(notes[0]!.link, `/lead/${leadId}`);
    assert.equal((await notificationsOf(org.userIds.rep)).length, 0, 'mentioning oneself notifies nobody');
    const mail = await t.database.db.selectFrom('mail_outbox').select(['subject']).where('to_address', '=', 'peer@example.com').execute();
    assert.equal(mail.length, 1);

    const unknown = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '电话', content: 'x', mentions: ['7d9f3a0e-1111-4222-8333-444455556666'] });
    assert.equal(unknown.statusCode, 400);
  });

  it('attaches uploaded images; a file cannot be attached twice or by someone else', async () => {
    const up = await uploadFile(t, c.rep, `/api/v1/lead/${leadId}/activities/attachments`, '现场照片.png', PNG);
    assert.equal(up.statusCode, 201, up.body);
    const file = up.json();
    assert.equal(file.isImage, true);
    assert.equal((await c.manager.post(`/api/v1/lead/${leadId}/activities`, { type: '拜访', content: '借用', attachments: [file.id] })).statusCode, 400);

    const res = await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '拜访', content: '', attachments: [file.id] });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().attachments.map((a: { fileName: string }) => a.fileName), ['现场照片.png']);
    assert.equal((await c.rep.post(`/api/v1/lead/${leadId}/activities`, { type: '拜访', content: '再来', attachments: [file.id] })).statusCode, 400);
    assert.equal((await c.rep.get(file.url)).statusCode, 200);
  });

  it('writes the post to the record\'s operation log', async () => {
    const history = (await c.rep.get(`/api/v1/lead/${leadId}/history`)).json();
    const posts = history.items.filter((i: { action: string }) => i.action === 'activity_add');
    assert.ok(posts.length >= 5);
    assert.equal(posts[0].actor.name, '孙销售');
    assert.equal(posts[0].changes[0].label, '动态');
  });

  it('a post on a contact or opportunity counts for its account, whose feed shows what the viewer may read', async () => {
    const account = (await c.rep.post('/api/v1/account', { name: '仁科互动' })).json();
    const contact = await c.rep.post('/api/v1/contact', { name: '王五', accountId: account.id });
    assert.equal(contact.statusCode, 201, contact.body);
    // A deal on the rep's account that belongs to a colleague in another region: the rep may not see it.
    const hidden = await c.admin.post('/api/v1/opportunity', { name: '华东大单', accountId: account.id, ownerId: org.userIds.peer });
    assert.equal(hidden.statusCode, 201, hidden.body);
    assert.equal(await inStale7(c.rep, 'account', account.id), true);

    assert.equal((await c.rep.post(`/api/v1/contact/${contact.json().id}/activities`, { type: '电话', content: '联系人回电' })).statusCode, 201);
    assert.equal(await inStale7(c.rep, 'account', account.id), false, 'following up a contact follows up its account');
    assert.equal((await c.peer.post(`/api/v1/opportunity/${hidden.json().id}/activities`, { type: '拜访', content: '大单拜访纪要' })).statusCode, 201);

    const repFeed = (await c.rep.get(`/api/v1/account/${account.id}/activities`)).json();
    assert.deepEqual(repFeed.items.map((a: { source: { object: string; name: string } }) => `${a.source.object}:${a.source.name}`), ['contact:王五']);
    const directorFeed = (await c.director.get(`/api/v1/account/${account.id}/activities`)).json();
    assert.deepEqual(directorFeed.items.map((a: { source: { object: string } }) => a.source.object), ['opportunity', 'contact']);
  });
});

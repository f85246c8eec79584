import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';
import { PDF, uploadFile } from './support/uploads';

describe('任务日程: tasks on records, reminders, comments and 我的任务 (§3.3.7)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let leadId: string;

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    leadId = (await c.rep.post('/api/v1/lead', { name: '李四', companyName: '北京仁科互动' })).json().id;
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
  });
  after(() => t.close());

  const notificationsOf = (userId: string) =>
    t.database.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

  it('a task for someone else notifies them, and its reminder fires through the job queue', async () => {
    const res = await c.rep.post(`/api/v1/lead/${leadId}/tasks`, {
      subject: '周五前发送报价', assigneeId: org.userIds.peer, dueAt: inHours(24), remindAt: new Date(Date.now() + 1000).toISOString(), description: '含安装费',
    });
    assert.equal(res.statusCode, 201, res.body);
    const task = res.json();
    assert.equal(task.assignee.name, '李同事');
    assert.equal(task.creator.name, '孙销售');
    assert.equal(task.status, '未开始');
    assert.deepEqual(task.related, { object: 'lead', id: leadId, name: '李四' });

    const assigned = await notificationsOf(org.userIds.peer);
    assert.equal(assigned.length, 1);
    assert.equal(assigned[0]!.kind, 'todo');
    assert.equal(assigned[0]!.title, '孙销售 给你安排了任务：周五前发送报价');
    assert.match(assigned[0]!.body, /截止时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}\n关联销售线索：李四/);

    const deadline = Date.now() + 30_000;
    let reminder;
    while (!reminder && Date.now() < deadline) {
      reminder = (await notificationsOf(org.userIds.peer)).find((n) => n.title === '任务提醒：周五前发送报价');
      if (!reminder) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(reminder, 'the reminder fired within 30 s');
    assert.equal(reminder.kind, 'todo');
  });

  it('a task for myself notifies nobody; an unknown assignee, a past reminder and a blank subject are refused', async () => {
    const mine = await c.rep.post(`/api/v1/lead/${leadId}/tasks`, { subject: '整理需求', dueAt: inHours(-1) });
    assert.equal(mine.statusCode, 201, mine.body);
    assert.equal(mine.json().assignee.name, '孙销售');
    assert.equal(mine.json().overdue, true);
    assert.equal((await notificationsOf(org.userIds.rep)).length, 0);
    assert.equal((await c.rep.post(`/api/v1/lead/${leadId}/tasks`, { subject: 'x', assigneeId: '7d9f3a0e-1111-4222-8333-444455556666' })).statusCode, 400);
    assert.equal((await c.rep.post(`/api/v1/lead/${leadId}/tasks`, { subject: 'x', remindAt: inHours(-2) })).statusCode, 400);
    assert.equal((await c.rep.post(`/api/v1/lead/${leadId}/tasks`, { subject: '  ' })).statusCode, 400);
  });

  it('lists a record\'s tasks for its readers; everyone else gets 404 on every task route', async () => {
    const list = await c.teamRead.get(`/api/v1/lead/${leadId}/tasks`);
    assert.equal(list.statusCode, 200, list.body);
    const taskId = list.json().items.find((i: { subject: string }) => i.subject === '周五前发送报价').id;
    assert.equal(list.json().items[0].subject, '整理需求', 'open tasks soonest due first');

    for (const client of [outsider, c.teamWrite]) {
      assert.equal((await client.get(`/api/v1/lead/${leadId}/tasks`)).statusCode, 404);
      assert.equal((await client.post(`/api/v1/lead/${leadId}/tasks`, { subject: 'x' })).statusCode, 404);
      assert.equal((await client.post(`/api/v1/task/${taskId}/complete`)).statusCode, 404);
      assert.equal((await client.post(`/api/v1/task/${taskId}/reopen`)).statusCode, 404);
      assert.equal((await client.get(`/api/v1/task/${taskId}/comments`)).statusCode, 404);
      assert.equal((await client.post(`/api/v1/task/${taskId}/comments`, { content: 'x' })).statusCode, 404);
      assert.equal((await client.get(`/api/v1/task/${taskId}/files`)).statusCode, 404);
      assert.equal((await uploadFile(t, client, `/api/v1/task/${taskId}/files`, 'a.pdf', PDF)).statusCode, 404);
    }
  });

  it('我的任务 lists tasks given to me and those I gave; the record\'s name only for those who may read it', async () => {
    const peerTasks = (await c.peer.get('/api/v1/me/tasks?status=open')).json();
    const forPeer = peerTasks.items.find((i: { subject: string }) => i.subject === '周五前发送报价');
    assert.ok(forPeer);
    assert.deepEqual(forPeer.related, { object: 'lead', id: leadId, name: null }, 'the peer may not read the lead');
    assert.equal(forPeer.canChange, true);

    const repCreated = (await c.rep.get('/api/v1/me/tasks?status=all&role=created')).json();
    assert.deepEqual(repCreated.items.map((i: { subject: string }) => i.subject), ['周五前发送报价']);
    assert.equal(repCreated.items[0].related.name, '李四');
    const repAll = (await c.rep.get('/api/v1/me/tasks?status=overdue')).json();
    assert.deepEqual(repAll.items.map((i: { subject: string }) => i.subject), ['整理需求']);
    assert.equal(repAll.counts.open, 2);
    assert.equal(repAll.counts.overdue, 1);
  });

  it('completes and reopens: the assignee or creator may, a reader may not; completing follows the record up', async () => {
    const taskId = (await c.peer.get('/api/v1/me/tasks')).json().items[0].id as string;
    assert.equal((await c.teamRead.post(`/api/v1/task/${taskId}/complete`)).statusCode, 403);
    // Start from a lead nobody followed up, to see the completion move it.
    await sql`UPDATE leads SET last_activity_at = NULL WHERE id = ${leadId}::uuid`.execute(t.database.db);

    const done = await c.peer.post(`/api/v1/task/${taskId}/complete`);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, '已完成');
    assert.ok(done.json().completedAt);
    assert.ok((await c.rep.get(`/api/v1/lead/${leadId}`)).json().lastActivityAt, '§3.7.7: a finished task is an activity record');
    assert.ok((await notificationsOf(org.userIds.rep)).some((n) => n.title === '李同事 完成了任务：周五前发送报价'));
    assert.equal((await c.peer.get('/api/v1/me/tasks?status=done')).json().items[0].id, taskId);

    const reopened = await c.rep.post(`/api/v1/task/${taskId}/reopen`);
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().status, '进行中');
    assert.equal(reopened.json().completedAt, null);
  });

  it('comments and attachments: anyone who sees the task may add them; the uploader or the assignee\'s line removes files', async () => {
    const taskId = (await c.peer.get('/api/v1/me/tasks')).json().items[0].id as string;
    const comment = await c.teamRead.post(`/api/v1/task/${taskId}/comments`, { content: '客户要求加急' });
    assert.equal(comment.statusCode, 201, comment.body);
    assert.equal((await c.peer.post(`/api/v1/task/${taskId}/comments`, { content: '收到' })).statusCode, 201);
    const comments = (await c.rep.get(`/api/v1/task/${taskId}/comments`)).json().items;
    assert.deepEqual(comments.map((x: { content: string; author: { name: string } }) => `${x.author.name}:${x.content}`), ['周只读:客户要求加急', '李同事:收到']);
    assert.ok((await notificationsOf(org.userIds.peer)).some((n) => n.title === '周只读 评论了任务：周五前发送报价'));

    const up = await uploadFile(t, c.teamRead, `/api/v1/task/${taskId}/files`, '报价单.pdf', PDF);
    assert.equal(up.statusCode, 201, up.body);
    const fileId = up.json().id;
    assert.equal((await c.peer.get(`/api/v1/task/${taskId}/files`)).json().items[0].fileName, '报价单.pdf');
    const item = (await c.peer.get('/api/v1/me/tasks')).json().items.find((i: { id: string }) => i.id === taskId);
    assert.equal(item.commentCount, 2);
    assert.equal(item.fileCount, 1);
    assert.equal((await c.peer.delete(`/api/v1/task/${taskId}/files/${fileId}`)).statusCode, 204, 'the assignee may');
    assert.equal((await c.peer.get(`/api/v1/task/${taskId}/files`)).json().items.length, 0);
  });

  it('writes tasks to the operation logs of the task and of its record', async () => {
    const lead = (await c.rep.get(`/api/v1/lead/${leadId}/history`)).json().items.map((i: { action: string }) => i.action);
    assert.ok(lead.includes('task_add'));
    assert.ok(lead.includes('task_done'));
  });
});

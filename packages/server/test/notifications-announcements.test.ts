import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../src/platform/org/users';
import { createCompany, signIn, startTestApp, TEST_PASSWORD, type Client, type TestApp } from './support/app';

describe('department announcements (部门公告)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: Client;
  /** 销售部 (rep, manager) → 华北区 (north) → 北京组 (beijing); 市场部 (marketing) beside 销售部. */
  const ids = { north: '', beijing: '', marketing: '', northDept: '' };
  const logins = { north: 'north', beijing: 'beijing', marketing: 'marketing' };

  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
    const suffix = company.logins.admin.slice(6);
    await t.database.db.transaction().execute(async (tx) => {
      const dept = (parent: string, name: string) => tx.insertInto('departments')
        .values({ tenant_id: company.tenantId, parent_id: parent, name, code: `${name}-${suffix}`, head_user_id: null }).returning('id').executeTakeFirstOrThrow();
      const north = await dept(company.salesDepartmentId, '华北区');
      const beijing = await dept(north.id, '北京组');
      const marketing = await dept(company.rootDepartmentId, '市场部');
      ids.northDept = north.id;
      const user = async (key: keyof typeof logins, departmentId: string, email: string, verified: boolean, subscriptions: Record<string, boolean>) => {
        logins[key] = `${key}_${suffix}`;
        const u = await createUser(tx, company.tenantId, { login: logins[key], name: key, password: TEST_PASSWORD, email, departmentId, roleIds: [company.roles.rep] });
        await tx.updateTable('users').set({ email_verified_at: verified ? new Date() : null, email_subscriptions: JSON.stringify(subscriptions) })
          .where('tenant_id', '=', company.tenantId).where('id', '=', u.id).execute();
        ids[key] = u.id;
      };
      await user('north', north.id, 'north@example.com', true, { announcement: true });
      await user('beijing', beijing.id, 'beijing@example.com', false, { announcement: true });
      await user('marketing', marketing.id, 'mkt@example.com', true, { announcement: true });
    });
  });
  after(() => t.close());

  const notificationTitles = async (userId: string) =>
    (await t.database.db.selectFrom('notifications').select('title').where('tenant_id', '=', company.tenantId).where('user_id', '=', userId).execute()).map((r) => r.title);

  it('reaches the department and every department below it, and no one else', async () => {
    const res = await admin.post('/api/v1/announcements', { title: '华北区季度冲刺', body: '本季度目标上调 10%。', departmentId: ids.northDept });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().recipients, 2);
    assert.equal(res.json().announcement.departmentName, '华北区');
    assert.ok((await notificationTitles(ids.north)).includes('华北区季度冲刺'));
    assert.ok((await notificationTitles(ids.beijing)).includes('华北区季度冲刺'), 'sub-department');
    assert.ok(!(await notificationTitles(ids.marketing)).includes('华北区季度冲刺'), 'sibling department');
    assert.ok(!(await notificationTitles(company.userIds.rep)).includes('华北区季度冲刺'), 'parent department');
    assert.ok(!(await notificationTitles(company.userIds.admin)).includes('华北区季度冲刺'));
  });

  it('queues email copies only for verified users who subscribed', async () => {
    const res = await admin.post('/api/v1/announcements', { title: '全员大会', body: '周五下午三点。', departmentId: null });
    assert.equal(res.json().recipients, 6, 'everyone in the company');
    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body'])
      .where('tenant_id', '=', company.tenantId).orderBy('to_address').execute();
    // north (华北区 post) and north + marketing (全员大会); beijing is unverified, the others never subscribed.
    assert.deepEqual(mails.map((m) => `${m.to_address} ${m.subject}`), [
      'mkt@example.com 【易销】全员大会',
      'north@example.com 【易销】全员大会',
      'north@example.com 【易销】华北区季度冲刺',
    ]);
    assert.match(mails[0]!.text_body, new RegExp(`/announcements/${res.json().announcement.id}`));
  });

  it('lists what is addressed to me and hides the rest', async () => {
    const beijing = await signIn(t, logins.beijing);
    const marketing = await signIn(t, logins.marketing);
    assert.deepEqual((await beijing.get('/api/v1/announcements')).json().items.map((a: { title: string }) => a.title), ['全员大会', '华北区季度冲刺']);
    const mine = (await marketing.get('/api/v1/announcements')).json();
    assert.deepEqual(mine.items.map((a: { title: string }) => a.title), ['全员大会']);
    const northPost = (await admin.get('/api/v1/announcements/all')).json().items.find((a: { title: string }) => a.title === '华北区季度冲刺');
    assert.equal((await marketing.get(`/api/v1/announcements/${northPost.id}`)).statusCode, 404);
    assert.equal((await beijing.get(`/api/v1/announcements/${northPost.id}`)).json().body, '本季度目标上调 10%。');
  });

  it('lets only those with announcement.post post, list all, or pick departments', async () => {
    const rep = await signIn(t, company.logins.rep);
    assert.equal((await rep.post('/api/v1/announcements', { title: 'x', body: 'y', departmentId: null })).statusCode, 403);
    assert.equal((await rep.get('/api/v1/announcements/all')).statusCode, 403);
    assert.equal((await rep.get('/api/v1/announcements/departments')).statusCode, 403);
    const departments = (await admin.get('/api/v1/announcements/departments')).json().items;
    assert.equal(departments.find((d: { id: string }) => d.id === ids.northDept).members, 1);
  });

  it('refuses a department of another company', async () => {
    const other = await createCompany(t);
    const res = await admin.post('/api/v1/announcements', { title: '越界', body: 'y', departmentId: other.salesDepartmentId });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.message, '部门不存在');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type Client, type TestApp } from './support/app';

interface User { id: string; login: string; name: string; version: number; status: string; departmentId: string; superiorId: string | null; roles: { key: string | null; nameZh: string }[]; mustChangePassword: boolean }

describe('users (用户管理)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
  });
  after(() => t.close());

  let seq = 0;
  const newLogin = () => `u${Date.now().toString(36)}${seq++}`;
  const createUser = async (fields: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/org/users', {
      login: newLogin(), name: '李雷', departmentId: company.salesDepartmentId, roleIds: [company.roles.rep], ...fields,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { user: User; temporaryPassword: string | null };
  };
  const login = (loginName: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password }, headers: { origin: TEST_ORIGIN } });
  const counts = async () => {
    const db = t.database.db;
    const [users, directory, audit] = await Promise.all([
      db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('login_directory').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { users: users.n, directory: directory.n, audit: audit.n };
  };
  const lastAudit = (recordId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'changes', 'actor_id'])
      .where('tenant_id', '=', company.tenantId).where('record_id', '=', recordId).orderBy('id', 'desc').executeTakeFirst();

  it('creates a user with a generated password shown once, to be changed at first sign-in', async () => {
    const { user, temporaryPassword } = await createUser({ title: '销售代表', mobile: '13900001111' });
    assert.ok(temporaryPassword && temporaryPassword.length >= 12);
    assert.equal(user.mustChangePassword, true);
    assert.deepEqual(user.roles.map((r) => r.key), ['rep']);
    const res = await login(user.login, temporaryPassword);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().mustChangePassword, true);
    const audit = await lastAudit(user.id);
    assert.equal(audit?.action, 'create');
    assert.ok(!JSON.stringify(audit?.changes).includes(temporaryPassword), 'the password never enters the log');
    const given = await createUser({ password: 'Given-passw0rd' });
    assert.equal(given.temporaryPassword, null);
    assert.equal((await login(given.user.login, 'Given-passw0rd')).statusCode, 200);
  });

  it('refuses a login already used anywhere (any case, any company) with 409 and writes nothing', async () => {
    const other = await createCompany(t);
    const before = await counts();
    for (const taken of [company.logins.rep.toUpperCase(), other.logins.manager]) {
      const res = await admin.post('/api/v1/org/users', { login: taken, name: '重复', departmentId: company.salesDepartmentId, roleIds: [company.roles.rep] });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'login_taken');
      assert.equal(res.json().error.message, '登录名已被使用');
    }
    assert.deepEqual(await counts(), before);
  });

  it('refuses a weak given password and an unknown role without writing anything', async () => {
    const other = await createCompany(t);
    const before = await counts();
    const weak = await admin.post('/api/v1/org/users', { login: newLogin(), name: '弱', departmentId: company.salesDepartmentId, roleIds: [company.roles.rep], password: 'short' });
    assert.equal(weak.statusCode, 400);
    const foreignRole = await admin.post('/api/v1/org/users', { login: newLogin(), name: '越界', departmentId: company.salesDepartmentId, roleIds: [other.roles.admin] });
    assert.equal(foreignRole.statusCode, 400);
    assert.deepEqual(await counts(), before);
  });

  it('edits a user with their version, moving the sign-in name in the directory', async () => {
    const { user, temporaryPassword } = await createUser();
    const renamed = newLogin();
    const res = await admin.patch(`/api/v1/org/users/${user.id}`, { version: user.version, login: renamed, name: '韩梅梅', email: 'hmm@example.com' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().version, user.version + 1);
    assert.equal((await login(user.login, temporaryPassword!)).statusCode, 401, 'the old login is gone');
    assert.equal((await login(renamed, temporaryPassword!)).statusCode, 200);
    const stale = await admin.patch(`/api/v1/org/users/${user.id}`, { version: user.version, name: '过期' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'version_conflict');
    const viaHeader = await admin.request('PATCH', `/api/v1/org/users/${user.id}`, { title: '经理' }, { 'if-match': `"${user.version + 1}"` });
    assert.equal(viaHeader.statusCode, 200);
    assert.equal((await admin.patch(`/api/v1/org/users/${user.id}`, { name: '无版本' })).statusCode, 400);
    const audit = await lastAudit(user.id);
    assert.deepEqual(audit?.changes, [{ field: 'title', old: null, new: '经理' }]);
  });

  it('disables a user: sign-in refused and their open session and token stop at once; enabling restores sign-in', async () => {
    const { user, temporaryPassword } = await createUser();
    const session = await signIn(t, user.login, temporaryPassword!);
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: user.login, password: temporaryPassword } })).json().token as string;
    const res = await admin.post(`/api/v1/org/users/${user.id}/disable`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'disabled');
    assert.equal((await session.get('/api/v1/auth/me')).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
    const refused = await login(user.login, temporaryPassword!);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'user_disabled');
    assert.deepEqual((await lastAudit(user.id))?.changes, [{ field: 'status', old: 'active', new: 'disabled' }]);
    assert.equal((await admin.post(`/api/v1/org/users/${user.id}/enable`)).json().status, 'active');
    assert.equal((await login(user.login, temporaryPassword!)).statusCode, 200);
  });

  it('never disables yourself or the last active administrator', async () => {
    const self = await admin.post(`/api/v1/org/users/${company.adminId}/disable`);
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().error.code, 'cannot_disable_self');
    const demote = await admin.put(`/api/v1/org/users/${company.adminId}/roles`, { roleIds: [company.roles.manager] });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().error.code, 'last_admin');
    assert.equal(demote.json().error.message, '至少需要保留一名启用状态的系统管理员');

    // A second administrator may be disabled or demoted while the first remains.
    const { user: second } = await createUser({ roleIds: [company.roles.admin] });
    assert.equal((await admin.post(`/api/v1/org/users/${second.id}/disable`)).statusCode, 200);
    // Now the only active administrator is the caller: still not demotable, the disabled one does not count.
    assert.equal((await admin.put(`/api/v1/org/users/${company.adminId}/roles`, { roleIds: [company.roles.rep] })).statusCode, 409);
    assert.equal((await admin.post(`/api/v1/org/users/${second.id}/enable`)).statusCode, 200);
    assert.equal((await admin.put(`/api/v1/org/users/${second.id}/roles`, { roleIds: [company.roles.rep] })).statusCode, 200);
  });

  it('lets only one of two administrators disabling each other at the same moment succeed', async () => {
    const { user: first, temporaryPassword: p1 } = await createUser({ roleIds: [company.roles.admin] });
    const { user: second, temporaryPassword: p2 } = await createUser({ roleIds: [company.roles.admin] });
    // Demote the company's own admin so these two are the only administrators.
    const a = await signIn(t, first.login, p1!);
    const b = await signIn(t, second.login, p2!);
    assert.equal((await a.put(`/api/v1/org/users/${company.adminId}/roles`, { roleIds: [company.roles.manager] })).statusCode, 200);
    const answers = await Promise.all([a.post(`/api/v1/org/users/${second.id}/disable`), b.post(`/api/v1/org/users/${first.id}/disable`)]);
    const codes = answers.map((r) => r.statusCode).sort();
    assert.ok(codes[0] === 200 && codes[1] !== 200, `one succeeds, the other is refused: ${codes}`);
    const active = await t.database.db.selectFrom('users').select('id')
      .where('tenant_id', '=', company.tenantId).where('id', 'in', [first.id, second.id]).where('status', '=', 'active').execute();
    assert.equal(active.length, 1, 'an administrator remains');
    // Give the company's admin back its role for the tests that follow.
    const survivor = active[0]!.id === first.id ? a : b;
    assert.equal((await survivor.put(`/api/v1/org/users/${company.adminId}/roles`, { roleIds: [company.roles.admin] })).statusCode, 200);
  });

  it('keeps a user manager who is not an administrator away from administrators and from roles beyond their own', async () => {
    const hr = (await admin.post('/api/v1/org/roles', { nameZh: '人事', nameEn: 'HR', permissions: ['org.manage'] })).json();
    const { user, temporaryPassword } = await createUser({ roleIds: [hr.id] });
    const manager = await signIn(t, user.login, temporaryPassword!);
    const reset = await manager.post(`/api/v1/org/users/${company.adminId}/reset-password`);
    assert.equal(reset.statusCode, 403);
    assert.equal(reset.json().error.code, 'admin_target');
    assert.equal((await manager.post(`/api/v1/org/users/${company.adminId}/disable`)).statusCode, 403);
    const grant = await manager.put(`/api/v1/org/users/${user.id}/roles`, { roleIds: [hr.id, company.roles.admin] });
    assert.equal(grant.statusCode, 403);
    assert.equal(grant.json().error.code, 'beyond_own_permissions');
    assert.equal((await manager.put(`/api/v1/org/users/${company.userIds.rep}/roles`, { roleIds: [company.roles.rep, hr.id] })).statusCode, 200);
  });

  it('resets a password: a temporary one shown once, old password and sessions gone', async () => {
    const session = await signIn(t, company.logins.manager);
    const res = await admin.post(`/api/v1/org/users/${company.userIds.manager}/reset-password`);
    assert.equal(res.statusCode, 200);
    const { temporaryPassword } = res.json() as { temporaryPassword: string };
    assert.equal((await session.get('/api/v1/auth/me')).statusCode, 401);
    assert.equal((await login(company.logins.manager, TEST_PASSWORD)).statusCode, 401);
    const fresh = await login(company.logins.manager, temporaryPassword);
    assert.equal(fresh.statusCode, 200);
    assert.equal(fresh.json().mustChangePassword, true);
    assert.equal((await lastAudit(company.userIds.manager))?.action, 'reset_password');
  });

  it('sets a superior, refusing the user themselves and anyone below them', async () => {
    const { user: lead } = await createUser({ name: '组长' });
    const { user: member } = await createUser({ name: '组员', superiorId: lead.id });
    assert.equal(member.superiorId, lead.id);
    const self = await admin.post(`/api/v1/org/users/${lead.id}/superior`, { superiorId: lead.id });
    assert.equal(self.json().error.code, 'superior_self');
    const loop = await admin.post(`/api/v1/org/users/${lead.id}/superior`, { superiorId: member.id });
    assert.equal(loop.statusCode, 400);
    assert.equal(loop.json().error.code, 'superior_cycle');
    const ok = await admin.post(`/api/v1/org/users/${lead.id}/superior`, { superiorId: company.userIds.manager });
    assert.equal(ok.json().superiorName, '王经理');
    assert.deepEqual((await lastAudit(lead.id))?.changes, [{ field: 'superiorId', old: null, new: company.userIds.manager }]);
    assert.equal((await admin.post(`/api/v1/org/users/${lead.id}/superior`, { superiorId: null })).json().superiorId, null);
  });

  it('moves users between departments and lists them by department (with sub-departments), status and keyword', async () => {
    const region = (await admin.post('/api/v1/org/departments', { name: '西南区', parentId: company.rootDepartmentId })).json();
    const team = (await admin.post('/api/v1/org/departments', { name: '成都组', parentId: region.id })).json();
    const { user: a } = await createUser({ name: '成都甲', mobile: '13812345678' });
    const { user: b } = await createUser({ name: '成都乙' });
    assert.equal((await admin.post(`/api/v1/org/users/${a.id}/move`, { departmentId: team.id })).json().departmentName, '成都组');
    await admin.post(`/api/v1/org/users/${b.id}/move`, { departmentId: region.id });
    await admin.post(`/api/v1/org/users/${b.id}/disable`);

    const list = async (query: string) => (await admin.get(`/api/v1/org/users?${query}`)).json() as { items: User[]; total: number };
    assert.equal((await list(`departmentId=${region.id}`)).total, 2);
    assert.equal((await list(`departmentId=${region.id}&includeSubDepartments=false`)).total, 1);
    assert.deepEqual((await list(`departmentId=${region.id}&status=active`)).items.map((u) => u.name), ['成都甲']);
    assert.deepEqual((await list('keyword=2345678')).items.map((u) => u.id), [a.id]);
    assert.deepEqual((await list('keyword=%25')).items, [], 'LIKE wildcards are taken literally');
    const page = await list('pageSize=2&page=1');
    assert.equal(page.items.length, 2);
    assert.ok(page.total > 2);
    assert.equal((await admin.get(`/api/v1/org/users/${a.id}`)).json().departmentId, team.id);
  });
});

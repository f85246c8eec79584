import assert from 'node:assert/strict';
import { PERMISSIONS } from '@yixiao/core';
import { after, before, describe, it } from 'node:test';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

interface Role { id: string; key: string | null; nameZh: string; nameEn: string; permissions: string[]; memberCount: number; builtIn: boolean }

describe('roles and permissions (角色权限)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
  });
  after(() => t.close());

  const roles = async () => (await admin.get('/api/v1/org/roles')).json() as { items: Role[]; permissions: { key: string; zh: string }[] };
  const lastAudit = (recordId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'changes'])
      .where('tenant_id', '=', company.tenantId).where('record_id', '=', recordId).orderBy('id', 'desc').executeTakeFirst();

  it('lists the built-in roles first, with permissions, member counts and the permission catalogue', async () => {
    const { items, permissions } = await roles();
    assert.deepEqual(items.slice(0, 4).map((r) => r.key), ['admin', 'pool_admin', 'manager', 'rep']);
    const admins = items.find((r) => r.key === 'admin')!;
    assert.deepEqual(admins.permissions, [...PERMISSIONS]);
    assert.equal(admins.memberCount, 1);
    assert.equal(items.find((r) => r.key === 'rep')?.memberCount, 1);
    assert.deepEqual(permissions.map((p) => p.key), [...PERMISSIONS]);
    assert.equal(permissions[0]?.zh, '组织架构与用户管理');
  });

  it('applies a permission edit to the role’s users at their next request', async () => {
    const rep = await signIn(t, company.logins.rep);
    assert.equal((await rep.get('/api/v1/org/users')).statusCode, 403);
    const grant = await admin.patch(`/api/v1/org/roles/${company.roles.rep}`, { permissions: ['org.manage'] });
    assert.equal(grant.statusCode, 200);
    assert.equal((await rep.get('/api/v1/org/users')).statusCode, 200, 'same session, new permission');
    assert.ok((await rep.get('/api/v1/auth/me')).json().permissions.includes('org.manage'));
    assert.deepEqual((await lastAudit(company.roles.rep))?.changes, [{ field: 'permissions', old: [], new: ['org.manage'] }]);
    await admin.patch(`/api/v1/org/roles/${company.roles.rep}`, { permissions: [] });
    assert.equal((await rep.get('/api/v1/org/users')).statusCode, 403);
  });

  it('keeps every permission on the administrator role, which may still be renamed', async () => {
    const res = await admin.patch(`/api/v1/org/roles/${company.roles.admin}`, { permissions: ['org.manage'] });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.message, '系统管理员角色始终拥有全部权限');
    const renamed = await admin.patch(`/api/v1/org/roles/${company.roles.admin}`, { nameZh: '超级管理员' });
    assert.equal(renamed.json().nameZh, '超级管理员');
    assert.deepEqual(renamed.json().permissions, [...PERMISSIONS]);
  });

  it('creates a custom role, refuses a duplicate name, and deletes it only once no one holds it', async () => {
    const created = await admin.post('/api/v1/org/roles', { nameZh: '渠道经理', nameEn: 'Channel manager', permissions: ['data.export', 'team.view'] });
    assert.equal(created.statusCode, 201);
    const role = created.json() as Role;
    assert.deepEqual(role.permissions, ['data.export', 'team.view']);
    assert.equal(role.builtIn, false);
    assert.equal((await lastAudit(role.id))?.action, 'create');
    const duplicate = await admin.post('/api/v1/org/roles', { nameZh: '渠道经理', nameEn: 'Other' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'role_name_taken');

    await admin.put(`/api/v1/org/users/${company.userIds.manager}/roles`, { roleIds: [role.id] });
    assert.equal((await roles()).items.find((r) => r.id === role.id)?.memberCount, 1);
    const inUse = await admin.delete(`/api/v1/org/roles/${role.id}`);
    assert.equal(inUse.statusCode, 409);
    assert.equal(inUse.json().error.message, '仍有 1 名用户拥有该角色，不能删除');
    await admin.put(`/api/v1/org/users/${company.userIds.manager}/roles`, { roleIds: [company.roles.manager] });
    assert.equal((await admin.delete(`/api/v1/org/roles/${role.id}`)).statusCode, 204);
    assert.ok(!(await roles()).items.some((r) => r.id === role.id));
    assert.equal((await lastAudit(role.id))?.action, 'delete');
  });

  it('never deletes a built-in role', async () => {
    const res = await admin.delete(`/api/v1/org/roles/${company.roles.pool_admin}`);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'role_built_in');
  });

  it('lets a role manager who is not an administrator grant only permissions they hold', async () => {
    const keeper = (await admin.post('/api/v1/org/roles', { nameZh: '权限专员', nameEn: 'Role keeper', permissions: ['role.manage', 'data.export'] })).json() as Role;
    await admin.put(`/api/v1/org/users/${company.userIds.rep}/roles`, { roleIds: [keeper.id] });
    const rep = await signIn(t, company.logins.rep);
    const beyond = await rep.post('/api/v1/org/roles', { nameZh: '越权', nameEn: 'Beyond', permissions: ['org.manage'] });
    assert.equal(beyond.statusCode, 403);
    assert.equal(beyond.json().error.code, 'beyond_own_permissions');
    const within = await rep.post('/api/v1/org/roles', { nameZh: '导出员', nameEn: 'Exporter', permissions: ['data.export'] });
    assert.equal(within.statusCode, 201);
    assert.equal((await rep.patch(`/api/v1/org/roles/${company.roles.manager}`, { permissions: [] })).statusCode, 403, 'cannot strip team.view they lack');
  });
});

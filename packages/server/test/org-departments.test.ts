import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

interface Department { id: string; parentId: string | null; name: string; code: string | null; headUserId: string | null; headName: string | null; memberCount: number }

describe('departments (组织架构)', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
  });
  after(() => t.close());

  const create = async (name: string, parentId: string, code?: string) => {
    const res = await admin.post('/api/v1/org/departments', { name, parentId, code });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Department;
  };
  const tree = async () => (await admin.get('/api/v1/org/departments')).json().items as Department[];
  const auditOf = (recordId: string) =>
    t.database.db.selectFrom('audit_log').select(['action', 'changes', 'actor_id'])
      .where('tenant_id', '=', company.tenantId).where('record_id', '=', recordId).orderBy('id').execute();

  it('creates departments under a parent and answers them in the tree, parents first', async () => {
    const east = await create('华东区', company.salesDepartmentId, 'EAST');
    const shanghai = await create('上海组', east.id, 'SH');
    assert.equal(shanghai.parentId, east.id);
    const ids = (await tree()).map((d) => d.id);
    assert.ok(ids.indexOf(company.rootDepartmentId) < ids.indexOf(company.salesDepartmentId));
    assert.ok(ids.indexOf(east.id) < ids.indexOf(shanghai.id));
    const audit = await auditOf(east.id);
    assert.equal(audit[0]?.action, 'create');
    assert.equal(audit[0]?.actor_id, company.adminId);
    assert.deepEqual(audit[0]?.changes.find((c) => c.field === 'code'), { field: 'code', old: null, new: 'EAST' });
  });

  it('refuses a code already used in the company, and writes nothing', async () => {
    await create('华南区', company.salesDepartmentId, 'SOUTH');
    const before = (await tree()).length;
    const res = await admin.post('/api/v1/org/departments', { name: '另一个华南区', parentId: company.salesDepartmentId, code: 'SOUTH' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.message, '部门编码已被使用');
    assert.equal((await tree()).length, before);
  });

  it('renames and recodes a department, logging old → new', async () => {
    const d = await create('华北', company.salesDepartmentId, 'N1');
    const res = await admin.patch(`/api/v1/org/departments/${d.id}`, { name: '华北区', code: 'NORTH' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().name, '华北区');
    const audit = await auditOf(d.id);
    assert.deepEqual(audit.at(-1)?.changes, [{ field: 'name', old: '华北', new: '华北区' }, { field: 'code', old: 'N1', new: 'NORTH' }]);
    assert.equal((await admin.patch(`/api/v1/org/departments/${d.id}`, { code: '' })).json().code, null, 'a blank code clears it');
  });

  it('refuses moving a department under itself or under one of its sub-departments', async () => {
    const a = await create('大区A', company.salesDepartmentId);
    const b = await create('小组B', a.id);
    const c = await create('小队C', b.id);
    for (const parentId of [a.id, b.id, c.id]) {
      const res = await admin.post(`/api/v1/org/departments/${a.id}/move`, { parentId });
      assert.equal(res.statusCode, 400, `under ${parentId}`);
      assert.equal(res.json().error.code, 'department_cycle');
    }
    assert.equal((await tree()).find((d) => d.id === a.id)?.parentId, company.salesDepartmentId, 'nothing moved');
    const root = await admin.post(`/api/v1/org/departments/${company.rootDepartmentId}/move`, { parentId: a.id });
    assert.equal(root.json().error.code, 'department_root');
  });

  it('moves a department with its sub-departments under another parent', async () => {
    const from = await create('旧大区', company.salesDepartmentId);
    const team = await create('团队', from.id);
    const to = await create('新大区', company.rootDepartmentId);
    const res = await admin.post(`/api/v1/org/departments/${from.id}/move`, { parentId: to.id });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().parentId, to.id);
    assert.equal((await tree()).find((d) => d.id === team.id)?.parentId, from.id);
    assert.deepEqual((await auditOf(from.id)).at(-1)?.changes, [{ field: 'parentId', old: company.salesDepartmentId, new: to.id }]);
  });

  it('sets and clears the head, who must be an active user of the company', async () => {
    const d = await create('市场部', company.rootDepartmentId);
    const set = await admin.put(`/api/v1/org/departments/${d.id}/head`, { userId: company.userIds.manager });
    assert.equal(set.statusCode, 200);
    assert.equal(set.json().headName, '王经理');
    const other = await createCompany(t);
    const foreign = await admin.put(`/api/v1/org/departments/${d.id}/head`, { userId: other.userIds.rep });
    assert.equal(foreign.statusCode, 400);
    assert.equal((await admin.put(`/api/v1/org/departments/${d.id}/head`, { userId: null })).json().headUserId, null);
  });

  it('deletes only an empty department', async () => {
    const parent = await create('待删除', company.rootDepartmentId);
    const child = await create('子部门', parent.id);
    const notEmpty = await admin.delete(`/api/v1/org/departments/${parent.id}`);
    assert.equal(notEmpty.statusCode, 409);
    assert.equal(notEmpty.json().error.message, '部门下还有 0 名成员、1 个子部门，清空后才能删除');
    const withMembers = await admin.delete(`/api/v1/org/departments/${company.salesDepartmentId}`);
    assert.equal(withMembers.statusCode, 409);
    assert.equal((await admin.delete(`/api/v1/org/departments/${child.id}`)).statusCode, 204);
    assert.equal((await admin.delete(`/api/v1/org/departments/${parent.id}`)).statusCode, 204);
    assert.ok(!(await tree()).some((d) => d.id === parent.id));
    assert.equal((await auditOf(parent.id)).at(-1)?.action, 'delete');
    assert.equal((await admin.delete(`/api/v1/org/departments/${company.rootDepartmentId}`)).json().error.code, 'department_root');
  });

  it("never shows or touches another company's departments", async () => {
    const other = await createCompany(t);
    assert.ok(!(await tree()).some((d) => d.id === other.salesDepartmentId));
    assert.equal((await admin.patch(`/api/v1/org/departments/${other.salesDepartmentId}`, { name: 'x' })).statusCode, 404);
    const res = await admin.post('/api/v1/org/departments', { name: '越界', parentId: other.rootDepartmentId });
    assert.equal(res.statusCode, 400);
  });
});

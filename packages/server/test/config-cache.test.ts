import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

/**
 * Requests keep a user's principal, visibility and the objects' metadata in memory per company
 * configuration version (platform/config/config-cache.ts). Each change below is made the way
 * another server process or an operator would: straight in SQL, or through the API, after the
 * first request filled the memory; the very next request must see it.
 */
describe('configuration kept in memory follows every change', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let leadId: string;

  before(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    c = await org.clients();
    const created = await c.rep.post('/api/v1/lead', { name: '缓存测试', companyName: '缓存测试有限公司', mobile: '13800007777' });
    assert.equal(created.statusCode, 201, created.body);
    leadId = created.json().id;
  });
  after(() => t.close());

  const db = () => t.database.db;
  const managerSees = async () => (await c.manager.get('/api/v1/lead?view=all&pageSize=200')).json().items.some((r: { id: string }) => r.id === leadId);

  it('a rep moved out of the manager’s department in SQL leaves the manager’s list at once, and back', async () => {
    assert.equal(await managerSees(), true);
    await db().updateTable('users').set({ department_id: org.departments.east, superior_id: org.userIds.director })
      .where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.rep).execute();
    assert.equal(await managerSees(), false, 'the moved rep’s lead is no longer the manager’s to see');
    assert.equal((await c.manager.get(`/api/v1/lead/${leadId}`)).statusCode, 404);
    await db().updateTable('users').set({ department_id: org.departments.north, superior_id: org.userIds.manager })
      .where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.rep).execute();
    assert.equal(await managerSees(), true);
  });

  it('a department handed to another head in SQL changes whom the old head sees', async () => {
    assert.equal(await managerSees(), true);
    await db().updateTable('departments').set({ head_user_id: org.userIds.peer }).where('tenant_id', '=', org.tenantId).where('id', '=', org.departments.north).execute();
    await db().updateTable('users').set({ superior_id: null }).where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.rep).execute();
    assert.equal(await managerSees(), false);
    await db().updateTable('departments').set({ head_user_id: org.userIds.manager }).where('tenant_id', '=', org.tenantId).where('id', '=', org.departments.north).execute();
    await db().updateTable('users').set({ superior_id: org.userIds.manager }).where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.rep).execute();
    assert.equal(await managerSees(), true);
  });

  it('a custom field added by an administrator appears on the next list; a renamed owner too', async () => {
    const before = (await c.rep.get(`/api/v1/lead/${leadId}`)).json();
    assert.equal(before.display.ownerId, '孙销售');
    const added = await c.admin.post('/api/v1/admin/objects/lead/fields', { key: 'cf_cache_note', label: { zh: '缓存备注', en: 'Cache note' }, type: 'text' });
    assert.equal(added.statusCode, 201, added.body);
    const meta = (await c.rep.get('/api/v1/metadata/objects/lead')).json() as { fields: { key: string }[] };
    assert.ok(meta.fields.some((f) => f.key === 'cf_cache_note'), 'the new field is in the metadata');
    const filtered = await c.rep.get(`/api/v1/lead?filter=${encodeURIComponent(JSON.stringify({ field: 'cf_cache_note', op: 'isEmpty' }))}`);
    assert.equal(filtered.statusCode, 200, 'the list filters on it at once');

    await db().updateTable('users').set({ name: '孙大销售' }).where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.rep).execute();
    const listed = (await c.rep.get('/api/v1/lead?pageSize=200')).json().items.find((r: { id: string }) => r.id === leadId);
    assert.equal(listed.display.ownerId, '孙大销售');
  });

  it('another company’s changes leave this one’s memory alone, and its time zone change is seen', async () => {
    const other = await createOrg(t);
    const { version } = await db().selectFrom('config_versions').select('version').where('tenant_id', '=', org.tenantId).executeTakeFirstOrThrow();
    await db().updateTable('users').set({ name: '别家的人' }).where('tenant_id', '=', other.tenantId).where('id', '=', other.userIds.rep).execute();
    const after = await db().selectFrom('config_versions').select('version').where('tenant_id', '=', org.tenantId).executeTakeFirstOrThrow();
    assert.equal(after.version, version);

    await db().updateTable('tenants').set({ time_zone: 'America/Los_Angeles' }).where('id', '=', org.tenantId).execute();
    const moved = await db().selectFrom('config_versions').select('version').where('tenant_id', '=', org.tenantId).executeTakeFirstOrThrow();
    assert.ok(BigInt(moved.version) > BigInt(version), 'a time zone change moves the version');
  });

  it('a user disabled in SQL is signed out on the next request; a lost permission is refused at once', async () => {
    assert.equal((await c.peer.get('/api/v1/lead')).statusCode, 200);
    await db().updateTable('users').set({ status: 'disabled' }).where('tenant_id', '=', org.tenantId).where('id', '=', org.userIds.peer).execute();
    assert.equal((await c.peer.get('/api/v1/lead')).statusCode, 401);

    const fields = '/api/v1/admin/objects/lead/fields';
    assert.notEqual((await c.admin.get(fields)).statusCode, 403);
    await db().deleteFrom('user_roles').where('tenant_id', '=', org.tenantId).where('user_id', '=', org.userIds.admin).execute();
    assert.equal((await c.admin.get(fields)).statusCode, 403, 'the administrator who lost the role is no longer one');
  });
});

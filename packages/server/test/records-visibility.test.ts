import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

describe('who may see what (DESIGN.md §4)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let leadId: string;

  before(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    c = await org.clients();
    outsider = (await (await createOrg(t)).clients()).admin;
    const created = await c.rep.post('/api/v1/lead', { name: '张三', companyName: '北京仁科互动', mobile: '13800001111' });
    assert.equal(created.statusCode, 201, created.body);
    leadId = created.json().id;
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
    assert.equal((await c.rep.put(`/api/v1/lead/${leadId}/team/${org.userIds.teamWrite}`, { access: 'write' })).statusCode, 204);
    // An unclaimed lead in the default pool (open to everyone) that teamRead is also a team member
    // of: seen through two parts of the rule, it must still be counted once in list totals.
    const pool = await t.database.db.updateTable('pool_groups').set({ preview_allowed: true })
      .where('tenant_id', '=', org.tenantId).where('object', '=', 'lead').where('is_default', '=', true).returning('id').executeTakeFirstOrThrow();
    const pooled = await c.admin.post('/api/v1/pools/lead/records', { name: '公海线索', companyName: '公海线索公司', poolGroupId: pool.id });
    assert.equal(pooled.statusCode, 201, pooled.body);
    const team = await c.admin.put(`/api/v1/lead/${pooled.json().id}/team/${org.userIds.teamRead}`, { access: 'read' });
    assert.equal(team.statusCode, 204, team.body);
  });
  after(() => t.close());

  /** Whether the list shows the lead; its total must count exactly what it shows (one per part of the rule, none twice). */
  const listed = async (client: Client) => {
    const { items, total } = (await client.get('/api/v1/lead?pageSize=200')).json() as { items: { id: string }[]; total: number };
    assert.equal(total, items.length, 'the total counts the rows the list shows');
    return items.some((r) => r.id === leadId);
  };
  const version = async () => (await c.admin.get(`/api/v1/lead/${leadId}`)).json().version as number;

  const matrix: [Seat | 'outsider', { read: boolean; update: number; delete: number }][] = [
    ['rep', { read: true, update: 200, delete: 204 }],
    ['manager', { read: true, update: 200, delete: 204 }],
    ['director', { read: true, update: 200, delete: 204 }],
    ['admin', { read: true, update: 200, delete: 204 }],
    ['teamWrite', { read: true, update: 200, delete: 403 }],
    ['teamRead', { read: true, update: 403, delete: 403 }],
    ['peer', { read: false, update: 404, delete: 404 }],
    ['outsider', { read: false, update: 404, delete: 404 }],
  ];

  for (const [seat, expected] of matrix) {
    it(`${seat}: read ${expected.read}, update ${expected.update}, delete ${expected.delete === 204 ? 'allowed' : expected.delete}`, async () => {
      const client = seat === 'outsider' ? outsider : c[seat];
      const read = await client.get(`/api/v1/lead/${leadId}`);
      assert.equal(read.statusCode, expected.read ? 200 : 404);
      if (!expected.read) assert.doesNotMatch(read.body, /张三|仁科/, 'a refusal carries no data');
      assert.equal(await listed(client), expected.read);
      const exported = await client.get('/api/v1/lead/export?view=all&columns=name,companyName');
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.body.includes('北京仁科互动'), expected.read, 'export holds what the list shows');
      const found = (await client.get(`/api/v1/search?q=${encodeURIComponent('仁科互动')}`)).json() as { groups: { items: { id: string }[] }[] };
      assert.equal(found.groups.some((g) => g.items.some((i) => i.id === leadId)), expected.read, 'search finds what the user may read');
      const update = await client.patch(`/api/v1/lead/${leadId}`, { title: `by ${seat}`, version: await version() });
      assert.equal(update.statusCode, expected.update, update.body);
      if (expected.delete !== 204) {
        assert.equal((await client.delete(`/api/v1/lead/${leadId}`)).statusCode, expected.delete);
      }
    });
  }

  it('exports CSV with a BOM, the user’s labels, and formulas neutralised', async () => {
    await c.rep.post('/api/v1/lead', { name: '=HYPERLINK("http://evil")', companyName: '+cmd|calc', mobile: '13800002222' });
    const res = await c.rep.get('/api/v1/lead/export?view=mine&columns=name,companyName,status');
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    const lines = res.body.split('\r\n');
    assert.equal(lines[0], '\uFEFF姓名,公司名称,跟进状态');
    assert.ok(lines.includes(`"'=HYPERLINK(""http://evil"")",'+cmd|calc,未处理`), lines.join('\n'));
  });

  it('the owner’s line may delete; afterwards nobody reads it', async () => {
    const doomed = (await c.rep.post('/api/v1/lead', { name: '待删除', companyName: '某公司' })).json().id;
    assert.equal((await c.director.delete(`/api/v1/lead/${doomed}`)).statusCode, 204);
    assert.equal((await c.admin.get(`/api/v1/lead/${doomed}`)).statusCode, 404);
  });

  it('transfer moves visibility with the owner', async () => {
    const id = (await c.rep.post('/api/v1/lead', { name: '转移测试', companyName: '转移公司' })).json().id;
    const peerId = (await c.peer.get('/api/v1/auth/me')).json().id;
    assert.equal((await c.teamRead.post(`/api/v1/lead/${id}/transfer`, { ownerId: peerId })).statusCode, 404);
    const moved = await c.manager.post(`/api/v1/lead/${id}/transfer`, { ownerId: peerId });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().ownerId, peerId);
    assert.equal((await c.peer.get(`/api/v1/lead/${id}`)).statusCode, 200);
    assert.equal((await c.rep.get(`/api/v1/lead/${id}`)).statusCode, 404);
    assert.equal((await c.manager.get(`/api/v1/lead/${id}`)).statusCode, 404, 'the old line no longer sees it');
    assert.equal((await c.director.get(`/api/v1/lead/${id}`)).statusCode, 200, 'the director heads both regions');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';

interface Change { field: string; label: string; oldText: string | null; newText: string | null }
interface Item { action: string; actor: { name: string } | null; changes: Change[] }

describe('操作记录: a record\'s field-level history', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  let leadId: string;

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    const lead = (await c.rep.post('/api/v1/lead', { name: '李四', companyName: '北京仁科互动' })).json();
    leadId = lead.id;
    let version = lead.version as number;
    for (const values of [{ status: '已联系' }, { status: '关闭', title: '采购经理' }]) {
      const res = await c.rep.patch(`/api/v1/lead/${leadId}`, { ...values, version });
      assert.equal(res.statusCode, 200, res.body);
      version = res.json().version;
    }
    assert.equal((await c.manager.post(`/api/v1/lead/${leadId}/transfer`, { ownerId: org.userIds.manager })).statusCode, 200);
  });
  after(() => t.close());

  const history = async (client: Client, query = '') => (await client.get(`/api/v1/lead/${leadId}/history${query}`)).json().items as Item[];

  it('lists the changes newest first, with actors, field labels and values in words', async () => {
    const items = await history(c.manager);
    assert.deepEqual(items.map((i) => i.action), ['transfer', 'update', 'update', 'create']);
    const [transfer, second, first, created] = items;
    assert.equal(first!.actor!.name, '孙销售');
    assert.deepEqual(first!.changes.map((ch) => [ch.label, ch.oldText, ch.newText]), [['跟进状态', '未处理', '已联系']]);
    const words = second!.changes.map((ch) => [ch.label, ch.oldText, ch.newText]);
    assert.deepEqual(words.sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [['跟进状态', '已联系', '关闭'], ['职务', null, '采购经理']].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    assert.equal(transfer!.actor!.name, '钱经理');
    assert.deepEqual(transfer!.changes.find((ch) => ch.field === 'ownerId')!.oldText, '孙销售');
    assert.deepEqual(transfer!.changes.find((ch) => ch.field === 'ownerId')!.newText, '钱经理');
    assert.ok(created!.changes.some((ch) => ch.label === '姓名' && ch.newText === '李四'));
  });

  it('pages', async () => {
    const res = await c.manager.get(`/api/v1/lead/${leadId}/history?page=2&pageSize=3`);
    assert.equal(res.json().total, 4);
    assert.deepEqual(res.json().items.map((i: Item) => i.action), ['create']);
  });

  it('speaks the reader\'s language', async () => {
    await t.database.db.updateTable('users').set({ locale: 'en-US' }).where('id', '=', org.userIds.director).execute();
    const items = await history(c.director);
    assert.deepEqual(items.at(-2)!.changes.map((ch) => [ch.label, ch.oldText, ch.newText]), [['Status', 'New', 'Contacted']]);
  });

  it('answers 404 to those who may not see the record (the old owner included)', async () => {
    for (const client of [c.peer, outsider, c.rep]) {
      const res = await client.get(`/api/v1/lead/${leadId}/history`);
      assert.equal(res.statusCode, 404);
      assert.doesNotMatch(res.body, /李四|采购经理/);
    }
  });
});

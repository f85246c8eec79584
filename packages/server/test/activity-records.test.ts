import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, signedInOrg, type Seat } from './support/org';

interface FeedItem { kind: string; id: string; type: string; content: string; person: { id: string; name: string } | null; department: { name: string } | null; source: { object: string; id: string; name: string | null } | null }
interface RankRow { person: { id: string; name: string }; department: { id: string; name: string } | null; count: number }

/** Today as a day in the company's time zone (Asia/Shanghai by default). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('活动记录: every activity and completed task the viewer may see (§3.7.7, §4.5)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const ids: Record<string, string> = {};

  const created = async (client: Client, url: string, body: object) => {
    const res = await client.post(url, body);
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    return res.json().id as string;
  };
  const feed = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/activity-records?pageSize=200${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: FeedItem[]; total: number };
  };
  const ranking = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/activity-records/ranking?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: RankRow[] }).items;
  };

  before(async () => {
    t = await startTestApp();
    ({ org, c, outsider } = await signedInOrg(t));
    ids.lead = await created(c.rep, '/api/v1/lead', { name: '李四', companyName: '北京仁科互动' });
    ids.account = await created(c.rep, '/api/v1/account', { name: '仁科互动有限公司' });
    ids.contact = await created(c.rep, '/api/v1/contact', { name: '王五', accountId: ids.account });
    ids.opportunity = await created(c.rep, '/api/v1/opportunity', { name: '仁科CRM项目', accountId: ids.account });
    ids.contract = await created(c.rep, '/api/v1/contract', { title: '仁科CRM合同', accountId: ids.account, amount: '10000.00' });
    for (const object of ['lead', 'account', 'contact', 'opportunity', 'contract']) {
      await created(c.rep, `/api/v1/${object}/${ids[object]}/activities`, { type: object === 'contract' ? '拜访' : '电话', content: `跟进${object}` });
    }
    // Out of a today-only range: written up ten days later.
    await created(c.rep, `/api/v1/lead/${ids.lead}/activities`, { type: '电话', content: '十天前的电话', occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    ids.task = await created(c.rep, `/api/v1/lead/${ids.lead}/tasks`, { subject: '发送报价单' });
    assert.equal((await c.rep.post(`/api/v1/task/${ids.task}/complete`)).statusCode, 200);
    ids.openTask = await created(c.rep, `/api/v1/lead/${ids.lead}/tasks`, { subject: '还没做的事' });
    // A colleague in 华东区, whose lead the rep and the rep's manager may not read.
    ids.peerLead = await created(c.peer, '/api/v1/lead', { name: '赵六', companyName: '上海某公司' });
    await created(c.peer, `/api/v1/lead/${ids.peerLead}/activities`, { type: '拜访', content: '=HYPERLINK("http://evil.example","点我")' });
  });
  after(() => t.close());

  it('lists activities on leads, accounts, contacts, opportunities and contracts, and completed tasks only', async () => {
    const { items, total } = await feed(c.rep);
    assert.equal(total, 7);
    const sources = items.filter((i) => i.kind === 'activity').map((i) => i.source?.object).sort();
    assert.deepEqual(sources, ['account', 'contact', 'contract', 'lead', 'lead', 'opportunity']);
    const tasks = items.filter((i) => i.kind === 'task');
    assert.deepEqual(tasks.map((i) => [i.id, i.content, i.type]), [[ids.task, '发送报价单', 'task']]);
    const onContract = items.find((i) => i.source?.object === 'contract')!;
    assert.deepEqual([onContract.source?.name, onContract.person?.name, onContract.department?.name, onContract.type], ['仁科CRM合同', '孙销售', '华北区', '拜访']);
  });

  it('filters by range, type, person and department', async () => {
    const d = today();
    assert.equal((await feed(c.rep, `&from=${d}&to=${d}`)).total, 6, 'the activity dated ten days ago is out of range');
    // The company's day, not UTC's: between 16:00 and 24:00 UTC Shanghai is already on the next date.
    const old = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 10 * 86_400_000));
    assert.equal((await feed(c.rep, `&to=${old}`)).items.map((i) => i.content).join(), '十天前的电话');
    assert.deepEqual((await feed(c.director, '&type=拜访')).items.map((i) => i.source?.name).sort(), ['仁科CRM合同', '赵六']);
    assert.deepEqual((await feed(c.director, '&type=task')).items.map((i) => i.id), [ids.task]);
    assert.equal((await feed(c.director, `&personId=${org.userIds.peer}`)).total, 1);
    assert.equal((await feed(c.director, `&departmentId=${org.departments.north}`)).total, 7);
    assert.equal((await feed(c.director, `&departmentId=${org.departments.center}`)).total, 8, 'a department includes those under it');
    assert.equal((await feed(c.director, `&departmentId=${org.departments.east}&type=task`)).total, 0);
    assert.equal((await c.rep.get('/api/v1/activity-records?from=yesterday')).statusCode, 400);
  });

  it('never shows activities on records the viewer cannot read; a manager sees subordinates\'', async () => {
    const repSees = await feed(c.rep);
    assert.ok(repSees.items.every((i) => i.person?.id === org.userIds.rep));
    assert.equal((await feed(c.rep, `&personId=${org.userIds.peer}`)).total, 0, 'the person filter reveals nothing');
    assert.equal((await feed(c.peer)).total, 1);
    assert.equal((await feed(c.manager)).total, 7, 'the manager of 华北区 sees the rep\'s');
    assert.equal((await feed(c.director)).total, 8);
    assert.equal((await feed(c.admin)).total, 8);
    assert.equal((await feed(outsider)).total, 0);
    // A colleague made a team member of the peer's lead now sees its activity, and only that one.
    assert.equal((await c.peer.put(`/api/v1/lead/${ids.peerLead}/team/${org.userIds.teamRead}`, { access: 'read' })).statusCode, 204);
    assert.deepEqual((await feed(c.teamRead)).items.map((i) => i.source?.id), [ids.peerLead]);
    assert.deepEqual((await ranking(c.rep)).map((r) => r.person.name), ['孙销售'], 'a rep ranks only themselves');
  });

  it('ranks people by count, with departments, equal to the feed per person', async () => {
    for (const client of [c.director, c.manager, c.rep]) {
      const rows = await ranking(client);
      for (const row of rows) assert.equal((await feed(client, `&personId=${row.person.id}`)).total, row.count, row.person.name);
      assert.equal(rows.reduce((s, r) => s + r.count, 0), (await feed(client)).total);
    }
    const rows = await ranking(c.director, `from=${today()}`);
    assert.deepEqual(rows.map((r) => [r.person.name, r.department?.name, r.count]), [['孙销售', '华北区', 6], ['李同事', '华东区', 1]]);
  });

  it('exports the filtered records as CSV with formulas neutralised', async () => {
    const res = await c.director.get('/api/v1/activity-records/export?type=拜访');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], '时间,类型,内容,记录人,部门,关联对象,关联记录');
    assert.equal(lines.length, 3);
    assert.ok(lines.some((l) => l.includes('"\'=HYPERLINK(""http://evil.example"",""点我"")"')), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('仁科CRM合同') && l.includes('孙销售')));
    const repExport = await c.rep.get('/api/v1/activity-records/export');
    assert.doesNotMatch(repExport.body, /HYPERLINK/, 'the export shows only what the list shows');
  });

  it('describes its routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ours = ['/api/v1/activity-records', '/api/v1/activity-records/ranking', '/api/v1/activity-records/export'];
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => ours.includes(p)));
    assert.deepEqual(Object.keys(paths).sort(), [...ours].sort());
    await SwaggerParser.validate({ ...doc, paths });
  });
});

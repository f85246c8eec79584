import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

interface Group { object: string; items: { id: string; name: string; secondary: string | null; link: string }[]; more: boolean }

describe('global search (§2.1)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const ids: Record<string, string> = {};

  const create = async (client: Client, object: string, body: Record<string, unknown>) => {
    const res = await client.post(`/api/v1/${object}`, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const search = async (client: Client, q: string, limit?: number) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().groups as Group[];
  };
  const foundIds = (groups: Group[]) => groups.flatMap((g) => g.items.map((i) => i.id));

  before(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    c = await org.clients();
    outsider = (await (await createOrg(t)).clients()).admin;
    ids.lead = await create(c.rep, 'lead', { name: '张三', companyName: '北京仁科互动', mobile: '138-0000-1111', email: 'ZhangSan@Renke.cn' });
    ids.account = await create(c.rep, 'account', { name: '仁科互动网络科技有限公司', phone: '010-88886666' });
    ids.contact = await create(c.rep, 'contact', { name: '李四', accountId: ids.account, mobile: '13912345678' });
    ids.peerLead = await create(c.peer, 'lead', { name: '张三丰', companyName: '武当山实业', mobile: '13500009999' });
    ids.outsiderLead = await create(outsider, 'lead', { name: '张三', companyName: '北京仁科互动', mobile: '13800001111' });
    ids.literal = await create(c.rep, 'lead', { name: '促销100%_off', companyName: "O'Brien & Sons" });
    ids.plain = await create(c.rep, 'lead', { name: '促销1000xoff', companyName: '普通公司' });
  });
  after(() => t.close());

  const cases: [string, string, string][] = [
    ['name', '张三', 'lead'],
    ['company name', '仁科互动', 'account'],
    ['company inside a longer name', '仁科互动', 'lead'],
    ['mobile', '13800001111', 'lead'],
    ['mobile as typed with separators', '138-0000-1111', 'lead'],
    ['part of a phone', '88886666', 'account'],
    ['e-mail, any case', 'zhangsan@renke', 'lead'],
    ['pinyin in full', 'zhangsan', 'lead'],
    ['pinyin initials', 'zs', 'lead'],
    ['pinyin of a company', 'renkehudong', 'account'],
    ['a contact by name', '李四', 'contact'],
    ['a contact by initials', 'ls', 'contact'],
  ];
  for (const [what, q, object] of cases) {
    it(`finds a ${object} by ${what} ("${q}")`, async () => {
      const groups = await search(c.rep, q);
      const group = groups.find((g) => g.object === object);
      assert.ok(group?.items.some((i) => i.id === ids[object]), JSON.stringify(groups));
    });
  }

  it('answers name, a secondary line and a link, grouped by object', async () => {
    const groups = await search(c.rep, 'zs');
    const lead = groups.find((g) => g.object === 'lead')!.items.find((i) => i.id === ids.lead)!;
    assert.deepEqual(lead, { id: ids.lead, name: '张三', secondary: '北京仁科互动 · 138-0000-1111', link: `/lead/${ids.lead}` });
    const contact = (await search(c.rep, '李四')).find((g) => g.object === 'contact')!.items[0]!;
    assert.equal(contact.secondary, '仁科互动网络科技有限公司 · 13912345678', 'a contact shows its account');
  });

  it('ranks the exact name first', async () => {
    const groups = await search(c.director, '张三');
    assert.deepEqual(groups.find((g) => g.object === 'lead')!.items.map((i) => i.name), ['张三', '张三丰']);
  });

  it('handles one character as a name prefix and two by word start', async () => {
    assert.ok(foundIds(await search(c.rep, '张')).includes(ids.lead!));
    assert.ok(!foundIds(await search(c.rep, '三')).includes(ids.lead!), '三 starts no name');
    assert.ok(!foundIds(await search(c.rep, 'z')).includes(ids.lead!), 'one letter is not yet a pinyin search');
    assert.ok(foundIds(await search(c.rep, '促')).includes(ids.literal!));
    assert.ok(foundIds(await search(c.rep, 'zs')).includes(ids.lead!), 'two letters: initials');
    assert.ok(!foundIds(await search(c.rep, '三丰')).includes(ids.lead!), '三丰 starts no word of 张三');
    assert.ok(foundIds(await search(c.rep, '仁科')).includes(ids.lead!), 'the company 北京仁科互动 without its city starts with 仁科');
  });

  it('requires every term of a query', async () => {
    assert.deepEqual(foundIds(await search(c.rep, '张三 仁科互动')), [ids.lead], 'beside a long term, a short one matches anywhere');
    assert.deepEqual(foundIds(await search(c.rep, '张三 北京')), [ids.lead]);
    assert.deepEqual(foundIds(await search(c.rep, 'zs 13800001111')), [ids.lead]);
    assert.deepEqual(foundIds(await search(c.director, '张三 武当')), [ids.peerLead]);
    assert.deepEqual(foundIds(await search(c.rep, '张三 武当')), []);
  });

  it('shows only what the caller may see, and nothing of another company', async () => {
    assert.ok(!foundIds(await search(c.rep, '张三')).includes(ids.peerLead!), 'a peer’s lead');
    assert.ok(foundIds(await search(c.director, '张三')).includes(ids.peerLead!), 'the director sees both regions');
    assert.ok(foundIds(await search(c.admin, '张三丰')).includes(ids.peerLead!));
    assert.deepEqual(foundIds(await search(c.peer, '张三')), [ids.peerLead]);
    for (const q of ['张三', 'zs', '13800001111', '仁科']) {
      const found = foundIds(await search(outsider, q));
      assert.ok(!Object.entries(ids).some(([k, id]) => k !== 'outsiderLead' && found.includes(id)), q);
    }
    assert.deepEqual(foundIds(await search(c.admin, '13800001111')), [ids.lead], 'not the other company’s 张三');
  });

  it('matches hostile text literally', async () => {
    assert.deepEqual(foundIds(await search(c.rep, '0%_o')), [ids.literal], '% and _ are not wildcards');
    assert.deepEqual(await search(c.rep, '%'), []);
    assert.deepEqual(await search(c.rep, '_'), []);
    assert.deepEqual(await search(c.rep, '%%%'), []);
    assert.deepEqual(foundIds(await search(c.rep, "o'brien")), [ids.literal]);
    for (const q of ["'; DROP TABLE leads; --", '\\', "' OR '1'='1", '") OR true --', '张三\' OR 1=1 --']) {
      assert.deepEqual(await search(c.rep, q), [], q);
    }
    assert.equal((await c.rep.get('/api/v1/lead')).json().total, 3, 'nothing was dropped');
  });

  it('limits each group and says when there are more', async () => {
    const groups = await search(c.director, '张三', 1);
    const lead = groups.find((g) => g.object === 'lead')!;
    assert.equal(lead.items.length, 1);
    assert.equal(lead.more, true);
    assert.deepEqual(await search(c.rep, '   '), []);
    assert.equal((await c.rep.get(`/api/v1/search?q=${'x'.repeat(101)}`)).statusCode, 400);
    assert.equal((await c.rep.get('/api/v1/search?q=a&limit=0')).statusCode, 400);
  });
});

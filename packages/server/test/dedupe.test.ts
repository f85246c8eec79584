import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'kysely';
import { companyNameKey, phoneKey, textKey } from '../src/dedupe/company-key';
import { REGION_NAMES } from '../src/dedupe/regions';
import { startTestApp, type Client, type TestApp } from './support/app';
import { createOrg, type Seat } from './support/org';

interface CheckResult {
  items: { id: string; name: string; values: Record<string, string | null>; ownerName: string | null; status: string | null; score: number; matchedOn: string[] }[];
  hidden: { count: number; byField: Record<string, number> };
  fields: { key: string }[];
}

describe('the company-name key (§3.2.7)', () => {
  it('brings the manual’s examples to one key', () => {
    for (const name of ['北京仁科互动（仁科互动）', '仁科互动北京', '北京仁科互动', '北京仁科互动网络科技有限公司', '仁科互动(北京)']) {
      assert.equal(companyNameKey(name), '仁科互动', name);
    }
  });

  it('ignores width, brackets, spaces, punctuation, case and legal suffixes', () => {
    const variants = ['易销科技有限公司', '易销科技股份有限公司', '易销 科技 有限责任公司', '（上海）易销集团', '上海市易销', '易销，公司', '易销集团有限公司'];
    for (const v of variants) assert.equal(companyNameKey(v), '易销', v);
    assert.equal(companyNameKey('ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．'), 'acme');
    assert.equal(companyNameKey('Acme Co., Ltd.'), 'acme');
    assert.equal(companyNameKey('Costco'), 'costco', 'a suffix inside a word stays');
    assert.equal(companyNameKey('广东省深圳市腾讯计算机系统有限公司'), '腾讯计算机系统');
    assert.equal(companyNameKey('招商银行北京分行'), '招商银行');
  });

  it('never strips a name to nothing', () => {
    assert.equal(companyNameKey('北京有限公司'), '北京');
    assert.equal(companyNameKey('中国银行'), '中国银行', '中国 is not stripped: 中国银行 is not 银行');
    assert.equal(companyNameKey('（仁科）'), '仁科', 'a name only in brackets keeps them');
    assert.equal(companyNameKey('  ，。'), null);
  });

  it('keys phones by digits and other text by its characters', () => {
    assert.equal(phoneKey('+86 138-0000-1111'), '13800001111');
    assert.equal(phoneKey('0086 13800001111'), '13800001111');
    assert.equal(phoneKey('010-12345678'), '01012345678');
    assert.equal(phoneKey('123'), null, 'too short to mean anything');
    assert.equal(textKey('Ｚhang San'), 'zhangsan');
  });
});

describe('duplicates (§3.2.7, §3.5.2)', () => {
  let t: TestApp;
  let c: Record<Seat, Client>;
  let outsider: Client;
  const ids: Record<string, string> = {};

  const create = async (client: Client, object: string, body: Record<string, unknown>) => {
    const res = await client.post(`/api/v1/${object}`, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const check = async (client: Client, object: string, values: Record<string, unknown>, excludeId?: string) => {
    const res = await client.post(`/api/v1/${object}/dedupe/check`, { values, excludeId });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as CheckResult;
  };

  before(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    c = await org.clients();
    outsider = (await (await createOrg(t)).clients()).admin;
    ids.renke = await create(c.rep, 'lead', { name: '王五', companyName: '仁科互动北京', mobile: '13900002222' });
    ids.renkeNet = await create(c.rep, 'lead', { name: '赵六', companyName: '北京仁科互动网络科技有限公司' });
    ids.unrelated = await create(c.rep, 'lead', { name: '孙七', companyName: '字节跳动科技有限公司', mobile: '13700003333' });
    ids.peerLead = await create(c.peer, 'lead', { name: '周八', companyName: '仁科互动（上海）', mobile: '13600004444' });
    ids.outsiderLead = await create(outsider, 'lead', { name: '外人', companyName: '北京仁科互动', mobile: '13900002222' });
  });
  after(() => t.close());

  it('the SQL key function and its TypeScript twin agree', async () => {
    const inputs = ['北京仁科互动（仁科互动）', 'ＡＢＣ Co., Ltd.', '【北京】仁科', '((a)b)c', 'Acme Group Holdings', '', '内蒙古伊利实业集团股份有限公司',
      ...REGION_NAMES.map((r) => `${r}某某${r}市`), ...REGION_NAMES.map((r) => `${r}省易销科技`),
      '某有限公司', '北京公司', '华科技有限公司', '上海北京', 'İstanbul Ａ．Ｂ', '㈱仁科', '仁科 Inc.',
      ...['北京', '广东省', '内蒙古自治区', ''].flatMap((city) => ['仁科', '星河互动', '华'].flatMap((brand) => ['网络科技', '医疗器械', '', ' 贸易']
        .flatMap((trade) => ['有限公司', '集团股份有限公司', '北京分公司', '(北京)'].map((suffix) => `${city}${brand}${trade}${suffix}`))))];
    const { rows } = await sql<{ k: string | null; t: string | null }>`SELECT company_name_key(v) AS k, dedupe_text_key(v) AS t FROM unnest(${inputs}::text[]) WITH ORDINALITY AS x(v, i) ORDER BY i`.execute(t.database.db);
    rows.forEach((row, i) => {
      assert.equal(row.k, companyNameKey(inputs[i]), inputs[i]);
      assert.equal(row.t, textKey(inputs[i]), inputs[i]);
    });
  });

  it('finds "仁科互动北京" and the 网络科技 company for "北京仁科互动（仁科互动）", not an unrelated company', async () => {
    const result = await check(c.rep, 'lead', { companyName: '北京仁科互动（仁科互动）' });
    const found = result.items.map((i) => i.id);
    assert.ok(found.includes(ids.renke!) && found.includes(ids.renkeNet!), JSON.stringify(result));
    assert.ok(!found.includes(ids.unrelated!));
    assert.equal(result.items[0]!.score, 1, 'the same key ranks first');
    assert.deepEqual(result.items[0]!.matchedOn, ['companyName']);
    assert.equal(result.items[0]!.ownerName, '孙销售');
    assert.equal(result.items[0]!.status, '未处理');
    assert.deepEqual(result.fields.map((f) => f.key), ['companyName', 'mobile']);
  });

  it('the fuzzy match works the other way round, and a company contained in a longer name is found', async () => {
    const reverse = await check(c.rep, 'lead', { companyName: '仁科互动北京' });
    assert.ok(reverse.items.some((i) => i.id === ids.renkeNet));
    const longer = await check(c.rep, 'lead', { companyName: '仁科互动营销顾问' });
    assert.ok(longer.items.some((i) => i.id === ids.renke), JSON.stringify(longer));
    const unrelated = await check(c.rep, 'lead', { companyName: '阿里巴巴网络技术有限公司' });
    assert.equal(unrelated.items.length, 0);
  });

  it('matches mobiles exactly, whatever their formatting', async () => {
    const result = await check(c.rep, 'lead', { companyName: '完全无关的名字', mobile: '+86 139-0000-2222' });
    assert.deepEqual(result.items.map((i) => [i.id, i.matchedOn]), [[ids.renke, ['mobile']]]);
    assert.equal((await check(c.rep, 'lead', { mobile: '13900002223' })).items.length, 0);
  });

  it('counts matches the caller may not see without revealing them, and never another company’s', async () => {
    const rep = await check(c.rep, 'lead', { companyName: '仁科互动' });
    assert.ok(!rep.items.some((i) => i.id === ids.peerLead));
    assert.equal(rep.hidden.count, 1, 'the peer’s lead is counted');
    assert.deepEqual(rep.hidden.byField, { companyName: 1 });
    const raw = JSON.stringify(rep);
    assert.doesNotMatch(raw, /周八|李同事|上海/, 'nothing of the hidden record');
    assert.doesNotMatch(raw, new RegExp(ids.outsiderLead!));

    const director = await check(c.director, 'lead', { companyName: '仁科互动' });
    assert.ok(director.items.some((i) => i.id === ids.peerLead), 'the director sees both regions');
    assert.equal(director.hidden.count, 0);

    const other = await check(outsider, 'lead', { companyName: '仁科互动', mobile: '13900002222' });
    assert.deepEqual(other.items.map((i) => i.id), [ids.outsiderLead]);
    assert.equal(other.hidden.count, 0, 'records of another company are not even counted');
  });

  it('leaves out the record being edited', async () => {
    const result = await check(c.rep, 'lead', { companyName: '仁科互动北京', mobile: '13900002222' }, ids.renke);
    assert.ok(!result.items.some((i) => i.id === ids.renke));
  });

  it('marks the records of a list page that may have duplicates', async () => {
    const page = [ids.renke!, ids.renkeNet!, ids.unrelated!, ids.peerLead!];
    const res = await c.rep.post('/api/v1/lead/dedupe/marks', { ids: page });
    assert.equal(res.statusCode, 200, res.body);
    const marks = new Map((res.json().marks as { id: string; visible: number; hidden: number }[]).map((m) => [m.id, m]));
    assert.deepEqual(marks.get(ids.renke!), { id: ids.renke, visible: 1, hidden: 1 });
    assert.deepEqual(marks.get(ids.renkeNet!), { id: ids.renkeNet, visible: 1, hidden: 1 });
    assert.equal(marks.has(ids.unrelated!), false);
    assert.equal(marks.has(ids.peerLead!), false, 'a record the caller may not see is not reported');
  });

  it('lists one record’s duplicates for the popover, and answers 404 for a record the caller may not see', async () => {
    const res = await c.rep.get(`/api/v1/lead/${ids.renke}/duplicates`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as CheckResult;
    assert.deepEqual(body.items.map((i) => i.id), [ids.renkeNet]);
    assert.equal(body.items[0]!.values.companyName, '北京仁科互动网络科技有限公司');
    assert.equal(body.hidden.count, 1);
    assert.equal((await c.rep.get(`/api/v1/lead/${ids.peerLead}/duplicates`)).statusCode, 404);
    assert.equal((await outsider.get(`/api/v1/lead/${ids.renke}/duplicates`)).statusCode, 404);
  });

  it('accounts match by name and contacts by mobile or e-mail', async () => {
    const account = await create(c.rep, 'account', { name: '上海易销科技有限公司' });
    const found = await check(c.rep, 'account', { name: '易销（上海）' });
    assert.deepEqual(found.items.map((i) => i.id), [account]);
    const contact = await create(c.rep, 'contact', { name: '李雷', accountId: account, email: 'LiLei@Example.com' });
    assert.deepEqual((await check(c.rep, 'contact', { email: ' lilei@example.com ' })).items.map((i) => i.id), [contact]);
    assert.equal((await check(c.rep, 'contact', { name: '李雷' })).items.length, 0, 'names are not compared by default');
  });

  it('describes the dedupe and search routes in a valid OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.fromEntries(Object.entries(doc.paths as Record<string, unknown>).filter(([p]) => /\/dedupe|\/duplicates$|\/search$/.test(p)));
    assert.ok(paths['/api/v1/lead/dedupe/check'] && paths['/api/v1/account/{id}/duplicates'] && paths['/api/v1/dedupe/rules/{object}'] && paths['/api/v1/search']);
    // Validated on its own so that another module's half-finished schema cannot hide a fault of ours.
    await SwaggerParser.validate({ ...doc, paths });
  });

  it('administrators configure the rules; others may only read them', async () => {
    const initial = await c.rep.get('/api/v1/dedupe/rules/lead');
    assert.equal(initial.statusCode, 200);
    assert.equal(initial.json().isDefault, true);
    const rules = { enabled: true, fields: [{ field: 'name', match: 'exact' }, { field: 'companyName', match: 'fuzzy', threshold: 0.9 }] };
    assert.equal((await c.rep.put('/api/v1/dedupe/rules/lead', rules)).statusCode, 403);
    assert.equal((await c.manager.put('/api/v1/dedupe/rules/lead', rules)).statusCode, 403);
    assert.equal((await c.admin.put('/api/v1/dedupe/rules/lead', { enabled: true, fields: [{ field: 'mobile', match: 'fuzzy' }] })).statusCode, 400);
    assert.equal((await c.admin.put('/api/v1/dedupe/rules/lead', { enabled: true, fields: [{ field: 'status', match: 'exact' }] })).statusCode, 400);
    const saved = await c.admin.put('/api/v1/dedupe/rules/lead', rules);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().isDefault, false);

    assert.deepEqual((await check(c.rep, 'lead', { name: '王 五' })).items.map((i) => i.id), [ids.renke], 'names now compared');
    assert.equal((await check(c.rep, 'lead', { mobile: '13900002222' })).items.length, 0, 'mobile no longer compared');
    const strict = await check(c.rep, 'lead', { companyName: '仁科互动营销顾问' });
    assert.equal(strict.items.length, 0, 'a 0.9 threshold drops the looser match');
    assert.equal((await outsider.get('/api/v1/dedupe/rules/lead')).json().isDefault, true, 'rules are per company');

    await c.admin.put('/api/v1/dedupe/rules/lead', { enabled: false, fields: rules.fields });
    assert.equal((await check(c.rep, 'lead', { name: '王五' })).items.length, 0, 'disabled rules find nothing');
  });
});

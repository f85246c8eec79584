import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'kysely';
import type { FieldType } from '@yixiao/core';
import { customIndexName } from '../src/metadata/admin/custom-indexes';
import { loadObject } from '../src/metadata/registry';
import { fieldRef } from '../src/records/sql-ref';
import { createCompany, signIn, startTestApp, type Client, type TestApp } from './support/app';

type Company = Awaited<ReturnType<typeof createCompany>>;
type Row = Record<string, unknown> & { id: string; version: number };

const FIELDS = '/api/v1/admin/objects/lead/fields';
const PICK = [{ label: { zh: 'A类', en: 'Class A' } }, { label: { zh: 'B类', en: 'Class B' } }, { label: { zh: 'C类', en: 'Class C' } }];

/**
 * One custom field per type: the value a record is created with (a), the value it is updated to
 * (b, after a in sort order), and a filter that matches b but not a.
 */
interface TypeCase { type: FieldType; extra?: Record<string, unknown>; a: unknown; b: unknown; filter: (b: unknown) => { op: string; value?: unknown } }

describe('custom fields: every type through the record API (DESIGN.md §3)', () => {
  let t: TestApp;
  let company: Company;
  let admin: Client;
  let rep: Client;
  let accounts: [string, string];
  let cases: TypeCase[];

  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
    rep = await signIn(t, company.logins.rep);
    const account = async (name: string) => (await rep.post('/api/v1/account', { name })).json().id as string;
    accounts = [await account('甲客户'), await account('乙客户')];
    const sorted = <T>(x: T, y: T): [T, T] => (String(x) < String(y) ? [x, y] : [y, x]);
    const [u1, u2] = sorted(company.userIds.rep, company.userIds.manager);
    const [d1, d2] = sorted(company.rootDepartmentId, company.salesDepartmentId);
    const [acc1, acc2] = sorted(accounts[0], accounts[1]);
    cases = [
      { type: 'text', a: 'Alpha', b: 'Beta', filter: () => ({ op: 'contains', value: 'et' }) },
      { type: 'textarea', a: 'a line\nand more', b: 'b line\nand more', filter: () => ({ op: 'startsWith', value: 'b ' }) },
      { type: 'number', a: '9.5', b: '12', filter: () => ({ op: 'gt', value: '10' }) },
      { type: 'currency', a: '99.99', b: '1000.50', filter: () => ({ op: 'between', value: ['500', '2000'] }) },
      { type: 'percent', a: '5', b: '40', filter: () => ({ op: 'gte', value: 40 }) },
      { type: 'date', a: '2024-02-29', b: '2024-03-01', filter: (b) => ({ op: 'eq', value: b }) },
      { type: 'datetime', a: '2024-03-01T08:00:00.000Z', b: '2024-03-02T08:00:00.000Z', filter: () => ({ op: 'gt', value: '2024-03-01T12:00:00Z' }) },
      { type: 'boolean', a: false, b: true, filter: () => ({ op: 'eq', value: true }) },
      { type: 'picklist', extra: { options: PICK }, a: 'A类', b: 'B类', filter: () => ({ op: 'in', value: ['B类'] }) },
      { type: 'multipicklist', extra: { options: PICK }, a: ['A类'], b: ['B类', 'C类'], filter: () => ({ op: 'contains', value: 'C类' }) },
      { type: 'lookup', extra: { lookup: 'account' }, a: acc1, b: acc2, filter: (b) => ({ op: 'eq', value: b }) },
      { type: 'user', a: u1, b: u2, filter: (b) => ({ op: 'in', value: [b] }) },
      { type: 'department', a: d1, b: d2, filter: (b) => ({ op: 'eq', value: b }) },
      { type: 'phone', a: '010-88886666', b: '13800001111', filter: () => ({ op: 'startsWith', value: '138' }) },
      { type: 'email', a: 'a@example.cn', b: 'b@example.cn', filter: (b) => ({ op: 'eq', value: b }) },
      { type: 'url', a: 'https://a.example.cn', b: 'https://b.example.cn', filter: () => ({ op: 'contains', value: 'b.example' }) },
      { type: 'region', a: { province: '北京市', city: '北京市' }, b: { province: '广东省', city: '深圳市' }, filter: () => ({ op: 'eq', value: { province: '广东省' } }) },
    ];
    for (const c of cases) {
      const res = await admin.post(FIELDS, { key: `cf_t_${c.type}`, label: { zh: `类型${c.type}`, en: `Type ${c.type}` }, type: c.type, ...c.extra });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => t.close());

  const list = async (client: Client, filter: unknown, sort?: string) => {
    const res = await client.get(`/api/v1/lead?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${sort}` : ''}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Row[];
  };

  it('creates, reads, updates, filters and sorts a custom field of every type', async () => {
    for (const c of cases) {
      const key = `cf_t_${c.type}`;
      const marker = `rt-${c.type}`;
      const x = await rep.post('/api/v1/lead', { name: 'X', companyName: marker, [key]: c.a });
      assert.equal(x.statusCode, 201, `${c.type}: ${x.body}`);
      assert.deepEqual(x.json()[key], c.a, `${c.type}: created value answered`);
      assert.deepEqual((await rep.get(`/api/v1/lead/${x.json().id}`)).json()[key], c.a, `${c.type}: read back`);
      const updated = await rep.patch(`/api/v1/lead/${x.json().id}`, { [key]: c.b, version: x.json().version });
      assert.equal(updated.statusCode, 200, `${c.type}: ${updated.body}`);
      assert.deepEqual(updated.json()[key], c.b, `${c.type}: updated`);
      const y = (await rep.post('/api/v1/lead', { name: 'Y', companyName: marker, [key]: c.a })).json() as Row;

      const mine = { field: 'companyName', op: 'eq', value: marker };
      const found = await list(rep, { and: [mine, { field: key, ...c.filter(c.b) }] });
      assert.deepEqual(found.map((r) => r.id), [x.json().id], `${c.type}: filter ${JSON.stringify(c.filter(c.b))}`);
      assert.deepEqual((await list(rep, mine, key)).map((r) => r.id), [y.id, x.json().id], `${c.type}: ascending sort`);
      assert.deepEqual((await list(rep, mine, `-${key}`)).map((r) => r.id), [x.json().id, y.id], `${c.type}: descending sort`);
      assert.deepEqual((await list(rep, { and: [mine, { field: key, op: 'isEmpty' }] })), [], `${c.type}: isEmpty`);
    }
  });

  it('shows names for custom references, as for standard ones', async () => {
    const res = await rep.post('/api/v1/lead', { name: '显示名', companyName: '显示名公司', cf_t_lookup: accounts[0], cf_t_user: company.userIds.manager });
    assert.equal(res.json().display.cf_t_lookup, '甲客户');
    assert.equal(res.json().display.cf_t_user, '王经理');
  });

  it('refuses values of the wrong shape for each type', async () => {
    const bad: [string, unknown][] = [
      ['cf_t_number', '1e400'], ['cf_t_number', 'abc'], ['cf_t_currency', '1.234'], ['cf_t_date', '2024-02-30'], ['cf_t_datetime', 'soon'],
      ['cf_t_boolean', 'yes'], ['cf_t_picklist', 'Z类'], ['cf_t_multipicklist', 'A类'], ['cf_t_lookup', 'not-a-uuid'],
      ['cf_t_lookup', company.userIds.rep], ['cf_t_user', accounts[0]], ['cf_t_department', company.userIds.rep], ['cf_t_email', 'nobody'],
      ['cf_t_url', 'javascript:alert(1)'], ['cf_t_region', 'Beijing'], ['cf_t_text', 'x'.repeat(501)],
    ];
    for (const [key, value] of bad) {
      const res = await rep.post('/api/v1/lead', { name: '坏值', companyName: '坏值公司', [key]: value });
      assert.equal(res.statusCode, 400, `${key} = ${JSON.stringify(value)} answered ${res.statusCode}`);
    }
  });

  it('numbers a custom auto-number field with its prefix; nobody writes it', async () => {
    const field = await admin.post(FIELDS, { key: 'cf_t_autonumber', label: { zh: '线索编号' }, type: 'autonumber', autonumber: { prefix: 'XS-', digits: 4 } });
    assert.equal(field.statusCode, 201, field.body);
    assert.equal(field.json().readOnly, true);
    const first = (await rep.post('/api/v1/lead', { name: '编号一', companyName: 'rt-autonumber' })).json() as Row;
    const second = (await rep.post('/api/v1/lead', { name: '编号二', companyName: 'rt-autonumber' })).json() as Row;
    assert.equal(first.cf_t_autonumber, 'XS-0001');
    assert.equal(second.cf_t_autonumber, 'XS-0002');
    assert.equal((await rep.patch(`/api/v1/lead/${first.id}`, { cf_t_autonumber: 'XS-9999', version: first.version })).statusCode, 400);
    assert.equal((await rep.post('/api/v1/lead', { name: '编号三', companyName: 'x', cf_t_autonumber: 'XS-1' })).statusCode, 400);
    const mine = { field: 'companyName', op: 'eq', value: 'rt-autonumber' };
    assert.deepEqual((await list(rep, { and: [mine, { field: 'cf_t_autonumber', op: 'eq', value: 'XS-0002' }] })).map((r) => r.id), [second.id]);
    assert.deepEqual((await list(rep, mine, '-cf_t_autonumber')).map((r) => r.id), [second.id, first.id]);
    assert.equal((await admin.patch(`${FIELDS}/cf_t_autonumber`, { required: true })).statusCode, 400, 'an auto-number cannot be required');
  });

  it('lists every custom field in the metadata API and in this company\'s OpenAPI document only', async () => {
    const meta = (await rep.get('/api/v1/metadata/objects/lead')).json();
    for (const c of cases) {
      const field = meta.fields.find((f: { key: string }) => f.key === `cf_t_${c.type}`);
      assert.ok(field, `cf_t_${c.type} in metadata`);
      assert.equal(field.type, c.type);
      assert.equal(field.custom, true);
    }

    const own = (await rep.get('/api/openapi.json')).json();
    for (const c of cases) {
      assert.ok(own.components.schemas.Lead.properties[`cf_t_${c.type}`], `Lead has cf_t_${c.type}`);
      assert.ok(own.components.schemas.LeadWriteInput.properties[`cf_t_${c.type}`], `LeadWriteInput has cf_t_${c.type}`);
    }
    assert.deepEqual(own.components.schemas.Lead.properties.cf_t_picklist.anyOf[0].enum, ['A类', 'B类', 'C类']);
    assert.ok(own.components.schemas.Lead.properties.cf_t_boolean.anyOf || own.components.schemas.Lead.properties.cf_t_boolean.type);

    const anonymous = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(anonymous.components.schemas.Lead.properties.cf_t_text, undefined);
    const other = await createCompany(t);
    const otherDoc = (await (await signIn(t, other.logins.admin)).get('/api/openapi.json')).json();
    assert.equal(otherDoc.components.schemas.Lead.properties.cf_t_text, undefined, 'another company does not see our fields');

    await SwaggerParser.validate(structuredClone(anonymous));
    await SwaggerParser.validate(structuredClone(own));
  });

  it('answers the company\'s OpenAPI document to a bearer token too', async () => {
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: company.logins.rep, password: 'Passw0rd-test' } });
    assert.equal(token.statusCode, 200, token.body);
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { authorization: `Bearer ${token.json().token}` } });
    assert.ok(doc.json().components.schemas.Lead.properties.cf_t_region);
    assert.equal(doc.headers['cache-control'], 'private, no-store');
  });
});

describe('系统设置 → 对象与字段: administering fields', () => {
  let t: TestApp;
  let company: Company;
  let admin: Client;
  let rep: Client;

  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
    admin = await signIn(t, company.logins.admin);
    rep = await signIn(t, company.logins.rep);
  });
  after(() => t.close());

  const addField = async (body: Record<string, unknown>) => {
    const res = await admin.post(FIELDS, body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { key: string; [k: string]: unknown };
  };
  const leadMeta = async () => (await rep.get('/api/v1/metadata/objects/lead')).json() as { fields: { key: string; required: boolean; onCreate: boolean; retired: boolean; options?: { value: string; enabled: boolean }[] }[] };
  const auditActions = async () => (await t.database.db.selectFrom('audit_log').select(['action', 'record_id'])
    .where('tenant_id', '=', company.tenantId).where('object_type', '=', 'metadata').orderBy('id').execute()).map((r) => `${r.action} ${r.record_id}`);

  it('is for administrators: a rep may neither read nor change the settings', async () => {
    assert.equal((await rep.get('/api/v1/admin/objects')).statusCode, 403);
    assert.equal((await rep.post(FIELDS, { label: { zh: '偷偷加' }, type: 'text' })).statusCode, 403);
    const objects = (await admin.get('/api/v1/admin/objects')).json().items as { key: string; standardFields: number }[];
    assert.equal(objects.length, 12);
    assert.ok(objects.find((o) => o.key === 'lead')!.standardFields > 10);
  });

  it('makes keys from the English label, checks given ones, and never changes a type', async () => {
    const made = await addField({ label: { zh: '客户等级', en: 'Customer level' }, type: 'text' });
    assert.equal(made.key, 'cf_customer_level');
    assert.equal((await addField({ label: { zh: '客户等级二', en: 'Customer level' }, type: 'text' })).key, 'cf_customer_level_2');
    assert.match((await addField({ label: { zh: '纯中文' }, type: 'text' })).key, /^cf_[0-9a-f]{6}$/);
    assert.equal((await admin.post(FIELDS, { key: 'cf_customer_level', label: { zh: '重复' }, type: 'text' })).statusCode, 409);
    for (const key of ['level', 'cf_', 'cf_Level', 'cf_等级', "cf_x'; drop table leads; --"]) {
      assert.equal((await admin.post(FIELDS, { key, label: { zh: '坏编码' }, type: 'text' })).statusCode, 400, key);
    }
    assert.equal((await admin.patch(`${FIELDS}/cf_customer_level`, { type: 'number' })).statusCode, 400);
    assert.equal((await admin.post(FIELDS, { label: { zh: '无选项' }, type: 'picklist' })).statusCode, 400);
    assert.equal((await admin.post(FIELDS, { label: { zh: '文本选项' }, type: 'text', options: PICK })).statusCode, 400);
    assert.equal((await admin.post(FIELDS, { label: { zh: '无目标' }, type: 'lookup' })).statusCode, 400);
    assert.equal((await admin.post(FIELDS, { label: { zh: '坏目标' }, type: 'lookup', lookup: 'users' })).statusCode, 400);
    assert.equal((await admin.post(FIELDS, { label: { zh: '太长' }, type: 'text', maxLength: 100_000 })).statusCode, 400);
    const renamed = await admin.patch(`${FIELDS}/cf_customer_level`, { label: { zh: '客户级别', en: 'Account tier' }, maxLength: 20 });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().label.zh, '客户级别');
    assert.equal((await rep.post('/api/v1/lead', { name: '长', companyName: '长', cf_customer_level: 'x'.repeat(21) })).statusCode, 400, 'the new length applies');
  });

  it('enforces a required custom field on create, and on update when blanked', async () => {
    const field = await addField({ key: 'cf_budget', label: { zh: '预算' }, type: 'currency', required: true });
    assert.equal(field.onCreate, true, 'a required field is on the create form');
    const missing = await rep.post('/api/v1/lead', { name: '缺预算', companyName: '某公司' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.details, [{ field: 'cf_budget', reason: 'required' }]);
    const ok = await rep.post('/api/v1/lead', { name: '有预算', companyName: '某公司', cf_budget: '5000' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await rep.patch(`/api/v1/lead/${ok.json().id}`, { cf_budget: null, version: ok.json().version })).statusCode, 400);
    assert.equal((await rep.patch(`/api/v1/lead/${ok.json().id}`, { title: '经理', version: ok.json().version })).statusCode, 200, 'other fields still change');
    assert.equal((await admin.patch(`${FIELDS}/cf_budget`, { onCreate: false })).statusCode, 400, 'required and no default: stays on the form');
    assert.equal((await admin.patch(`${FIELDS}/cf_budget`, { required: false })).statusCode, 200);
    assert.equal((await rep.post('/api/v1/lead', { name: '无预算', companyName: '某公司' })).statusCode, 201);
  });

  it('lets standard fields change only what the system does not rely on', async () => {
    assert.equal((await admin.patch(`${FIELDS}/name`, { required: false })).statusCode, 400, 'the name stays required');
    assert.equal((await admin.patch(`${FIELDS}/name`, { onCreate: false })).statusCode, 400);
    assert.equal((await admin.patch(`${FIELDS}/departmentId`, { required: true })).statusCode, 400, 'filled by the system');
    assert.equal((await admin.patch(`${FIELDS}/createdAt`, { required: true })).statusCode, 400, 'maintained by the system');
    assert.equal((await admin.post(`${FIELDS}/name/retire`)).statusCode, 400, 'standard fields are not retired');
    assert.equal((await admin.patch(`${FIELDS}/name`, { maxLength: 10 })).statusCode, 400);

    const title = await admin.patch(`${FIELDS}/title`, { required: true, label: { zh: '头衔', en: 'Job title' } });
    assert.equal(title.statusCode, 200, title.body);
    assert.equal(title.json().onCreate, true);
    const meta = await leadMeta();
    const metaTitle = meta.fields.find((f) => f.key === 'title')!;
    assert.equal(metaTitle.required, true);
    assert.equal((await rep.post('/api/v1/lead', { name: '无头衔', companyName: '某公司' })).statusCode, 400);
    assert.equal((await rep.post('/api/v1/lead', { name: '有头衔', companyName: '某公司', title: '总监' })).statusCode, 201);
    assert.equal((await admin.patch(`${FIELDS}/title`, { required: false, onCreate: false })).statusCode, 200);
    assert.equal((await admin.patch(`${FIELDS}/ownerId`, { onCreate: false })).statusCode, 200, 'the owner defaults to the creator');
  });

  it('keeps a disabled option on the records that have it and refuses it for new values', async () => {
    await addField({ key: 'cf_grade', label: { zh: '等级' }, type: 'picklist', options: PICK });
    await addField({ key: 'cf_tags', label: { zh: '标签' }, type: 'multipicklist', options: PICK });
    const lead = (await rep.post('/api/v1/lead', { name: '有等级', companyName: '选项公司', cf_grade: 'A类', cf_tags: ['A类', 'B类'] })).json() as Row;
    const disabled = PICK.map((o) => ({ ...o, value: o.label.zh, enabled: o.label.zh !== 'A类' }));
    const res = await admin.put(`${FIELDS}/cf_grade/options`, { options: disabled });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().options.map((o: { enabled: boolean }) => o.enabled), [false, true, true]);
    assert.equal((await admin.put(`${FIELDS}/cf_tags/options`, { options: disabled })).statusCode, 200);

    assert.equal((await rep.post('/api/v1/lead', { name: '新的', companyName: '选项公司', cf_grade: 'A类' })).statusCode, 400);
    assert.equal((await rep.post('/api/v1/lead', { name: '新的', companyName: '选项公司', cf_tags: ['A类'] })).statusCode, 400);
    const other = await rep.patch(`/api/v1/lead/${lead.id}`, { title: '改了别的', version: lead.version });
    assert.equal(other.statusCode, 200, other.body);
    assert.equal(other.json().cf_grade, 'A类', 'the record keeps its disabled option');
    assert.deepEqual(other.json().cf_tags, ['A类', 'B类']);
    const again = await rep.patch(`/api/v1/lead/${lead.id}`, { cf_grade: 'A类', cf_tags: ['A类'], version: other.json().version });
    assert.equal(again.statusCode, 200, 're-sending the value it has is no new choice');
    assert.equal((await rep.patch(`/api/v1/lead/${lead.id}`, { cf_grade: 'B类', version: again.json().version })).statusCode, 200);
    const found = await rep.get(`/api/v1/lead?filter=${encodeURIComponent(JSON.stringify({ field: 'cf_tags', op: 'contains', value: 'A类' }))}`);
    assert.deepEqual(found.json().items.map((r: Row) => r.id), [lead.id], 'a disabled option still filters');
  });

  it('never changes an option\'s value, refuses removing one in use, and protects built-in options and defaults', async () => {
    await addField({ key: 'cf_level', label: { zh: '级别' }, type: 'picklist', options: PICK });
    const lead = (await rep.post('/api/v1/lead', { name: '用B', companyName: '选项公司', cf_level: 'B类' })).json() as Row;
    const relabelled = await admin.put(`${FIELDS}/cf_level/options`, {
      options: [{ value: 'C类', label: { zh: 'C 级' } }, { value: 'B类', label: { zh: '乙级', en: 'Grade B' } }, { value: 'A类', label: { zh: '甲级' } }],
    });
    assert.equal(relabelled.statusCode, 200, relabelled.body);
    assert.deepEqual(relabelled.json().options.map((o: { value: string }) => o.value), ['C类', 'B类', 'A类'], 'reordered, same values');
    assert.equal((await rep.get(`/api/v1/lead/${lead.id}`)).json().cf_level, 'B类');

    const inUse = await admin.put(`${FIELDS}/cf_level/options`, { options: [{ value: 'A类', label: { zh: '甲级' } }, { value: 'C类', label: { zh: 'C 级' } }] });
    assert.equal(inUse.statusCode, 409);
    assert.equal(inUse.json().error.code, 'option_in_use');
    const removed = await admin.put(`${FIELDS}/cf_level/options`, { options: [{ value: 'B类', label: { zh: '乙级' } }, { label: { zh: 'D类' } }] });
    assert.equal(removed.statusCode, 200, 'unused options go');
    assert.deepEqual(removed.json().options.map((o: { value: string }) => o.value), ['B类', 'D类']);
    assert.equal((await admin.put(`${FIELDS}/cf_level/options`, { options: [{ label: { zh: 'E' } }] })).statusCode, 409, 'B类 is still in use');
    assert.equal((await admin.put(`${FIELDS}/cf_level/options`, { options: [{ value: 'B类', label: { zh: '乙' }, enabled: false }] })).statusCode, 400, 'one stays enabled');
    assert.equal((await admin.put(`${FIELDS}/cf_level/options`, { options: [{ value: 'B类', label: { zh: '乙' } }, { value: 'B类', label: { zh: '乙2' } }] })).statusCode, 400);

    const status = (await leadMeta()).fields.find((f) => f.key === 'status')!.options!;
    const withoutClosed = status.filter((o) => o.value !== '关闭');
    assert.equal((await admin.put(`${FIELDS}/status/options`, { options: withoutClosed })).statusCode, 400, 'built-in options are disabled, not removed');
    const defaultOff = status.map((o) => ({ ...o, enabled: o.value !== '未处理' }));
    assert.equal((await admin.put(`${FIELDS}/status/options`, { options: defaultOff })).statusCode, 400, 'the default stays enabled');
    const source = (await leadMeta()).fields.find((f) => f.key === 'source')!.options!;
    const added = await admin.put(`${FIELDS}/source/options`, { options: [...source, { label: { zh: '抖音', en: 'Douyin' } }] });
    assert.equal(added.statusCode, 200, added.body);
    const douyin = await rep.post('/api/v1/lead', { name: '抖音来的', companyName: '某公司', source: '抖音' });
    assert.equal(douyin.statusCode, 201, douyin.body);
    assert.equal((await rep.get(`/api/v1/lead/${douyin.json().id}`)).json().source, '抖音', 'answers carry the company\'s own option');
    const doc = (await rep.get('/api/openapi.json')).json();
    assert.ok(doc.components.schemas.Lead.properties.source.anyOf[0].enum.includes('抖音'), 'and so does the company\'s OpenAPI document');
    assert.equal((await admin.put(`${FIELDS}/name/options`, { options: PICK })).statusCode, 400, 'a text field has no options');
  });

  it('retires a custom field without losing its data and restores it with the values', async () => {
    await addField({ key: 'cf_wechat', label: { zh: '微信号', en: 'WeChat' }, type: 'text' });
    const lead = (await rep.post('/api/v1/lead', { name: '有微信', companyName: '退役公司', cf_wechat: 'wx_123' })).json() as Row;
    const retired = await admin.post(`${FIELDS}/cf_wechat/retire`);
    assert.equal(retired.statusCode, 200, retired.body);
    assert.equal(retired.json().retired, true);

    assert.equal((await rep.post('/api/v1/lead', { name: '写退役', companyName: '退役公司', cf_wechat: 'wx_9' })).statusCode, 400);
    const read = (await rep.get(`/api/v1/lead/${lead.id}`)).json();
    assert.equal('cf_wechat' in read, false, 'a retired field leaves the record');
    const filter = encodeURIComponent(JSON.stringify({ field: 'cf_wechat', op: 'eq', value: 'wx_123' }));
    assert.equal((await rep.get(`/api/v1/lead?filter=${filter}`)).statusCode, 400, 'and the filters');
    assert.equal((await rep.get('/api/v1/lead?sort=cf_wechat')).statusCode, 400, 'and the sort');
    assert.equal((await leadMeta()).fields.find((f) => f.key === 'cf_wechat')!.retired, true);
    assert.equal((await rep.get('/api/openapi.json')).json().components.schemas.Lead.properties.cf_wechat, undefined);
    const stored = await sql<{ custom: Record<string, unknown> }>`SELECT custom FROM leads WHERE tenant_id = ${company.tenantId}::uuid AND id = ${lead.id}::uuid`.execute(t.database.db);
    assert.equal(stored.rows[0]!.custom.cf_wechat, 'wx_123', 'the value stays in the database');
    const edited = await rep.patch(`/api/v1/lead/${lead.id}`, { title: '编辑后', version: read.version });
    assert.equal(edited.statusCode, 200);
    assert.equal((await admin.get('/api/v1/admin/objects')).json().items.find((o: { key: string }) => o.key === 'lead').retiredFields, 1);

    assert.equal((await admin.post(`${FIELDS}/cf_wechat/restore`)).statusCode, 200);
    assert.equal((await rep.get(`/api/v1/lead/${lead.id}`)).json().cf_wechat, 'wx_123', 'the value is back');
    assert.equal((await rep.get(`/api/v1/lead?filter=${filter}`)).json().items.length, 1);
  });

  it('arranges the fields in the order the administrator gives', async () => {
    const keys = ((await admin.get(FIELDS)).json().items as { key: string }[]).map((f) => f.key);
    const reversed = [...keys].reverse();
    const res = await admin.put(`${FIELDS}/order`, { keys: reversed });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await leadMeta()).fields.map((f) => f.key), reversed);
    const added = await addField({ key: 'cf_last', label: { zh: '最后一个' }, type: 'text' });
    assert.deepEqual((await leadMeta()).fields.map((f) => f.key), [...reversed, added.key], 'a new field goes to the end');
    assert.equal((await admin.put(`${FIELDS}/order`, { keys: reversed })).statusCode, 400, 'every field once');
    assert.equal((await admin.put(`${FIELDS}/order`, { keys: [...reversed, 'cf_last', 'cf_last'] })).statusCode, 400);
  });

  it('writes every change to the operation log', async () => {
    const actions = await auditActions();
    for (const expected of ['add_field lead.cf_customer_level', 'update_field lead.cf_customer_level', 'update_field lead.title', 'set_options lead.cf_grade',
      'retire_field lead.cf_wechat', 'restore_field lead.cf_wechat', 'order_fields lead']) {
      assert.ok(actions.includes(expected), `${expected} in ${actions.join(', ')}`);
    }
  });

  it('indexes a custom field that lists filter and sort on, once the change has committed', async () => {
    const field = await addField({ key: 'cf_score', label: { zh: '评分' }, type: 'number', indexed: true });
    assert.equal(field.indexed, true);
    assert.equal((await admin.post(FIELDS, { label: { zh: '日期索引' }, type: 'date', indexed: true })).statusCode, 400, 'text → date casts are not immutable');
    const name = customIndexName('leads', { tenantId: company.tenantId, object: 'lead', key: 'cf_score' });
    const index = async () => (await sql<{ valid: boolean }>`SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = ${name}`.execute(t.database.db)).rows[0];
    const waitFor = async (done: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(await done(), 'the index job ran');
    };
    await waitFor(async () => (await index())?.valid === true);

    // The planner matches the index only if the list's expression is the indexed one.
    const score = (await loadObject(t.database.db, company.tenantId, 'lead')).field('cf_score')!;
    const plan = await t.database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      return (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT r.id FROM leads AS r
        WHERE r.tenant_id = ${sql.lit(company.tenantId)}::uuid AND ${fieldRef(score)} > ${sql.lit('5')}::numeric`.execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    assert.match(plan, new RegExp(name), plan);

    assert.equal((await admin.patch(`${FIELDS}/cf_score`, { indexed: false })).statusCode, 200);
    await waitFor(async () => (await index()) === undefined);
  });
});

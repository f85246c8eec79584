import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_MENU, EMAIL_EVENT_DEFAULTS, EMAIL_EVENTS } from '@yixiao/core';
import { buildApp } from '../src/app';
import { configFromEnv, type Config } from '../src/config';
import type { SmsMessage } from '../src/platform/personal/sms';
import { createCompany, signIn, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from './support/app';
import { createTestDatabase } from './support/db';

/** The app with an SmsSender that keeps the texts, so the test reads the codes a phone would get. */
async function startAppCapturingSms(texts: SmsMessage[]): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: Config = { ...configFromEnv({}), publicUrl: TEST_ORIGIN, webDist: null, logLevel: 'silent' };
  const app = await buildApp({ database, config, sms: { send: async (message) => void texts.push(message) } }, { logger: false });
  await app.ready();
  return { app, database, config, close: async () => { await app.close(); await database.close(); } };
}

const codeOf = (message: SmsMessage | undefined) => /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? '';

describe('personal settings', () => {
  const texts: SmsMessage[] = [];
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startAppCapturingSms(texts);
    company = await createCompany(t);
  });
  after(() => t.close());

  const login = (name: string, password = TEST_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password }, headers: { origin: TEST_ORIGIN } });

  it('saves my title, résumé and language, logs the change, and leaves my name to administrators', async () => {
    const rep = await signIn(t, company.logins.rep);
    const before = (await rep.get('/api/v1/me/profile')).json();
    assert.equal(before.name, '张三');
    assert.equal(before.title, null);

    const saved = await rep.patch('/api/v1/me/profile', { title: '高级销售代表', resume: '十年工业品销售经验', version: before.version });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().title, '高级销售代表');
    assert.equal(saved.json().resume, '十年工业品销售经验');

    assert.equal((await rep.patch('/api/v1/me/profile', { name: '李四' })).statusCode, 400, 'the name is not mine to change');
    const stale = await rep.patch('/api/v1/me/profile', { title: 'x', version: before.version });
    assert.equal(stale.statusCode, 409);

    assert.equal((await rep.patch('/api/v1/me/profile', { locale: 'en-US' })).statusCode, 200);
    const me = (await rep.get('/api/v1/auth/me')).json();
    assert.equal(me.locale, 'en-US');
    const english = await rep.put('/api/v1/me/menu', { items: ['lead', 'lead'] });
    assert.match(english.json().error.message, /Menu item listed twice: lead/, 'errors now come in English');
    assert.equal((await rep.patch('/api/v1/me/profile', { locale: 'zh-CN', title: '' })).json().title, null, 'blank clears');

    const log = await t.database.db.selectFrom('audit_log').select(['action', 'changes'])
      .where('tenant_id', '=', company.tenantId).where('record_id', '=', company.userIds.rep).where('action', '=', 'update_profile').execute();
    assert.ok(log.some((row) => row.changes.some((c) => c.field === 'title' && c.new === '高级销售代表')));
  });

  it('saves an ordered menu, refuses unknown or repeated items, and restores the default', async () => {
    const rep = await signIn(t, company.logins.rep);
    const saved = await rep.put('/api/v1/me/menu', { items: ['lead', 'home', 'report'] });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().items, ['lead', 'home', 'report']);
    assert.deepEqual((await rep.get('/api/v1/auth/me')).json().menu, ['lead', 'home', 'report'], 'the shell reads the new order');

    assert.equal((await rep.put('/api/v1/me/menu', { items: ['lead', 'no_such_item'] })).statusCode, 400);
    assert.equal((await rep.put('/api/v1/me/menu', { items: [] })).statusCode, 400);
    const repeated = await rep.put('/api/v1/me/menu', { items: ['lead', 'home', 'lead'] });
    assert.equal(repeated.statusCode, 400);
    assert.equal(repeated.json().error.message, '菜单项重复：lead');
    assert.deepEqual((await rep.get('/api/v1/me/menu')).json().items, ['lead', 'home', 'report'], 'a refused menu changes nothing');

    const reset = await rep.delete('/api/v1/me/menu');
    assert.equal(reset.json().isDefault, true);
    assert.deepEqual((await rep.get('/api/v1/auth/me')).json().menu, DEFAULT_MENU);
  });

  it('round-trips email subscriptions, starting from the defaults', async () => {
    const rep = await signIn(t, company.logins.manager);
    const initial = (await rep.get('/api/v1/me/email-subscriptions')).json();
    assert.deepEqual(Object.keys(initial.subscriptions).sort(), [...EMAIL_EVENTS].sort());
    assert.deepEqual(initial.subscriptions, EMAIL_EVENT_DEFAULTS);
    assert.equal(initial.verifiedEmail, null);

    const choice = Object.fromEntries(EMAIL_EVENTS.map((event, i) => [event, i % 2 === 0]));
    const saved = await rep.put('/api/v1/me/email-subscriptions', { subscriptions: choice });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual((await rep.get('/api/v1/me/email-subscriptions')).json().subscriptions, choice);
    assert.equal((await rep.put('/api/v1/me/email-subscriptions', { subscriptions: { task_due: true } })).statusCode, 400, 'every event is answered');
  });

  it('creates an API key that works as a bearer token until revoked, shown once', async () => {
    const rep = await signIn(t, company.logins.rep);
    const created = await rep.post('/api/v1/me/api-keys', { name: '数据同步脚本' });
    assert.equal(created.statusCode, 201, created.body);
    const { key, id, prefix } = created.json();
    assert.ok(key.includes(prefix));

    const bearer = (url: string, method: 'GET' | 'PUT' = 'GET', payload?: object) =>
      t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });
    const me = await bearer('/api/v1/auth/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, company.userIds.rep);
    assert.equal((await bearer('/api/v1/me/menu', 'PUT', { items: ['home', 'lead'] })).statusCode, 200, 'no CSRF token for API keys');

    const listed = (await rep.get('/api/v1/me/api-keys')).json().items;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].name, '数据同步脚本');
    assert.ok(listed[0].lastUsedAt, 'last use is shown');
    assert.equal(JSON.stringify(listed).includes(key), false, 'the list never holds the key');

    const manager = await signIn(t, company.logins.manager);
    assert.equal((await manager.delete(`/api/v1/me/api-keys/${id}`)).statusCode, 404, 'only the owner revokes');
    assert.equal((await rep.delete(`/api/v1/me/api-keys/${id}`)).statusCode, 204);
    assert.equal((await bearer('/api/v1/auth/me')).statusCode, 401);
    assert.equal((await rep.get('/api/v1/me/api-keys')).json().items.length, 0);
  });

  it('verifies a mobile with the texted code, and the mobile then signs in', async () => {
    const rep = await signIn(t, company.logins.rep);
    const requested = await rep.post('/api/v1/me/mobile-verification', { mobile: '+86 138-0013-8000' });
    assert.equal(requested.statusCode, 202, requested.body);
    assert.equal(requested.json().mobile, '13800138000');
    assert.equal((await rep.get('/api/v1/me/profile')).json().pendingMobile, '13800138000');
    const text = texts.at(-1);
    assert.equal(text?.to, '13800138000');
    assert.match(codeOf(text), /^\d{6}$/);

    const confirmed = await rep.post('/api/v1/me/mobile-verification/confirm', { code: codeOf(text) });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const profile = (await rep.get('/api/v1/me/profile')).json();
    assert.equal(profile.mobile, '13800138000');
    assert.equal(profile.mobileVerified, true);
    assert.equal((await login('13800138000')).statusCode, 200);
    assert.equal((await rep.post('/api/v1/me/mobile-verification/confirm', { code: codeOf(text) })).statusCode, 400, 'a code works once');

    const admin = await signIn(t, company.logins.admin);
    const taken = await admin.post('/api/v1/me/mobile-verification', { mobile: '13800138000' });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'mobile_taken');
    assert.equal((await admin.post('/api/v1/me/mobile-verification', { mobile: '12345' })).statusCode, 400);
  });

  it('locks a code after five wrong tries: the sixth is refused even when right', async () => {
    const manager = await signIn(t, company.logins.manager);
    assert.equal((await manager.post('/api/v1/me/mobile-verification', { mobile: '13900139000' })).statusCode, 202);
    const code = codeOf(texts.at(-1));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await manager.post('/api/v1/me/mobile-verification/confirm', { code: wrong });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'code_wrong');
      assert.match(res.json().error.message, new RegExp(`还可尝试 ${5 - i} 次`));
    }
    assert.equal((await manager.post('/api/v1/me/mobile-verification/confirm', { code: wrong })).json().error.code, 'code_locked');
    const sixth = await manager.post('/api/v1/me/mobile-verification/confirm', { code });
    assert.equal(sixth.statusCode, 429);
    assert.equal(sixth.json().error.code, 'code_locked');
    assert.equal((await manager.get('/api/v1/me/profile')).json().mobileVerified, false);
    assert.equal((await login('13900139000')).statusCode, 401, 'an unverified mobile is no login');
  });

  it('limits verification requests to five an hour', async () => {
    const admin = await signIn(t, company.logins.admin);
    for (let i = 0; i < 5; i++) assert.equal((await admin.post('/api/v1/me/mobile-verification', { mobile: `1370013700${i}` })).statusCode, 202);
    const limited = await admin.post('/api/v1/me/mobile-verification', { mobile: '13700137009' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'verification_rate_limited');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACCOUNT_MAX_FAILURES } from '../src/platform/auth/rate-limit';
import { createCompany, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from './support/app';

describe('sign-in', () => {
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    t = await startTestApp();
    company = await createCompany(t);
  });
  after(() => t.close());

  const login = (loginName: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password }, headers: { origin: TEST_ORIGIN, ...headers } });

  it('signs in with the login name and answers the user with a CSRF token and an HttpOnly SameSite cookie', async () => {
    const res = await login(company.logins.rep, TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().name, '张三');
    assert.ok(res.json().csrfToken);
    const cookie = res.cookies.find((c) => c.name === 'yx_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
  });

  it('issues a new session id at every sign-in', async () => {
    const a = await signIn(t, company.logins.rep);
    const b = await signIn(t, company.logins.rep);
    assert.notEqual(a.cookie, b.cookie);
  });

  it('refuses a wrong password with a Chinese message and an English one when asked', async () => {
    const zh = await login(company.logins.manager, 'wrong-password1');
    assert.equal(zh.statusCode, 401);
    assert.equal(zh.json().error.message, '账号或密码错误');
    const en = await login(company.logins.manager, 'wrong-password1', { 'accept-language': 'en-US' });
    assert.equal(en.json().error.code, 'bad_credentials');
    assert.match(en.json().error.message, /Wrong sign-in name or password/);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) assert.equal((await login(company.logins.admin, `bad-${i}x`)).statusCode, 401);
    const locked = await login(company.logins.admin, TEST_PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'account_locked');
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const client = await signIn(t, company.logins.rep);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: client.cookie, origin: TEST_ORIGIN } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'csrf');
    assert.equal((await client.get('/api/v1/auth/me')).statusCode, 200, 'the session still works');
  });

  it('rejects a cross-site post even before sign-in', async () => {
    const res = await login(company.logins.rep, TEST_PASSWORD, { origin: 'https://evil.example' });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'bad_origin');
  });

  it('gives API clients a bearer token that needs no CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: company.logins.rep, password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${res.json().token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, company.userIds.rep);
    assert.equal(me.json().csrfToken, null);
  });

  it('signs out: the old cookie no longer works', async () => {
    const client = await signIn(t, company.logins.rep);
    assert.equal((await client.post('/api/v1/auth/logout')).statusCode, 204);
    assert.equal((await client.get('/api/v1/auth/me')).statusCode, 401);
  });

  it('changes the password and ends the other sessions', async () => {
    const other = await signIn(t, company.logins.manager);
    const client = await signIn(t, company.logins.manager);
    const weak = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    const res = await client.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd!' });
    assert.equal(res.statusCode, 204);
    assert.equal((await client.get('/api/v1/auth/me')).statusCode, 200);
    assert.equal((await other.get('/api/v1/auth/me')).statusCode, 401);
    assert.equal((await login(company.logins.manager, 'NewPassw0rd!')).statusCode, 200);
  });

  it('answers health and a one-shape 404', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/health' })).json(), { status: 'ok' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'route_not_found');
  });
});

describe('validation errors', () => {
  let t: TestApp;
  before(async () => { t = await startTestApp(); });
  after(() => t.close());

  it('names the bad field in the user’s language', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: 'x' } });
    assert.equal(zh.statusCode, 400);
    assert.equal(zh.json().error.code, 'validation_failed');
    assert.match(zh.json().error.message, /^提交的数据有误：password: .*无效输入/);
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { login: 'x' }, headers: { 'accept-language': 'en' } });
    assert.match(en.json().error.message, /^Invalid request: password: Invalid input/);
  });
});

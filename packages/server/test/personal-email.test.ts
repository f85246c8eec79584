import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createCompany, signIn, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from './support/app';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server';

describe('email verification over a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let company: Awaited<ReturnType<typeof createCompany>>;
  before(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ smtp: smtp.config }); // the app's own outbox worker sends
    company = await createCompany(t);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const verify = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token }, headers: { origin: TEST_ORIGIN } });
  const login = (name: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password: TEST_PASSWORD }, headers: { origin: TEST_ORIGIN } });
  const tokenIn = (text: string) => {
    const link = /(http\S+\/verify-email\?token=\S+)/.exec(text)?.[1];
    assert.ok(link, `no link in: ${text}`);
    assert.ok(link.startsWith(`${TEST_ORIGIN}/verify-email?token=`));
    return decodeURIComponent(new URL(link).searchParams.get('token')!);
  };

  it('mails a link whose token verifies the address, which then signs in; the link works once', async () => {
    const rep = await signIn(t, company.logins.rep);
    const requested = await rep.post('/api/v1/me/email-verification', { email: 'Zhang.San@Example.com' });
    assert.equal(requested.statusCode, 202, requested.body);
    assert.equal((await rep.get('/api/v1/me/profile')).json().pendingEmail, 'zhang.san@example.com');

    const mail = await smtp.waitFor((m) => m.to.includes('zhang.san@example.com'));
    assert.equal(mail.subject, '【易销 CRM】请验证您的邮箱');
    assert.match(mail.text, /张三，您好/);
    assert.ok(mail.html?.includes('<a href='));
    const token = tokenIn(mail.text);

    assert.equal((await login('zhang.san@example.com')).statusCode, 401, 'not a login before verification');
    const verified = await verify(token); // no cookie: the link works signed out
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().email, 'zhang.san@example.com');
    const signedIn = await login('ZHANG.SAN@example.com');
    assert.equal(signedIn.statusCode, 200);
    assert.equal(signedIn.json().emailVerified, true);

    const again = await verify(token);
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, 'verification_used');
    const outbox = await t.database.db.selectFrom('mail_outbox').select(['status']).where('tenant_id', '=', company.tenantId)
      .where('to_address', '=', 'zhang.san@example.com').execute();
    assert.deepEqual(outbox, [{ status: 'sent' }]);
    assert.equal(smtp.received.filter((m) => m.to.includes('zhang.san@example.com')).length, 1);
  });

  it('refuses an expired link and a made-up one', async () => {
    const manager = await signIn(t, company.logins.manager);
    assert.equal((await manager.post('/api/v1/me/email-verification', { email: 'wang@example.com' })).statusCode, 202);
    const token = tokenIn((await smtp.waitFor((m) => m.to.includes('wang@example.com'))).text);
    await sql`UPDATE verifications SET expires_at = now() - interval '1 minute' WHERE tenant_id = ${company.tenantId} AND target = 'wang@example.com'`.execute(t.database.db);
    const expired = await verify(token);
    assert.equal(expired.statusCode, 400);
    assert.equal(expired.json().error.code, 'verification_expired');
    assert.equal((await manager.get('/api/v1/me/profile')).json().emailVerified, false);

    assert.equal((await verify(`${company.tenantId}.${'x'.repeat(43)}`)).json().error.code, 'verification_invalid');
    assert.equal((await verify('not-a-token')).json().error.code, 'verification_invalid');
  });

  it('refuses an address another user verified first, writing nothing', async () => {
    const admin = await signIn(t, company.logins.admin);
    const rep = await signIn(t, company.logins.rep);
    assert.equal((await admin.post('/api/v1/me/email-verification', { email: 'shared@example.com' })).statusCode, 202);
    const adminToken = tokenIn((await smtp.waitFor((m) => m.to.includes('shared@example.com'))).text);
    assert.equal((await rep.post('/api/v1/me/email-verification', { email: 'shared@example.com' })).statusCode, 202);
    const toShared = () => smtp.received.filter((m) => m.to.includes('shared@example.com'));
    await smtp.waitFor(() => toShared().length === 2);
    const repToken = tokenIn(toShared()[1]!.text);

    assert.equal((await verify(repToken)).statusCode, 200);
    const taken = await verify(adminToken);
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'email_taken');
    const adminRow = await t.database.db.selectFrom('users').select(['email', 'email_verified_at'])
      .where('tenant_id', '=', company.tenantId).where('id', '=', company.userIds.admin).executeTakeFirstOrThrow();
    assert.deepEqual(adminRow, { email: null, email_verified_at: null });
    const unused = await t.database.db.selectFrom('verifications').select('used_at')
      .where('tenant_id', '=', company.tenantId).where('user_id', '=', company.userIds.admin).where('channel', '=', 'email').executeTakeFirstOrThrow();
    assert.equal(unused.used_at, null);
    assert.equal((await admin.post('/api/v1/me/email-verification', { email: 'shared@example.com' })).statusCode, 409, 'refused up front as well');

    // The rep's earlier address stops being a login once the new one is verified.
    assert.equal((await login('zhang.san@example.com')).statusCode, 401);
    assert.equal((await login('shared@example.com')).json().id, company.userIds.rep);
  });
});

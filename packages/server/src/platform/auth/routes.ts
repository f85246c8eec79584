import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit';
import { requireAuth } from '../http/auth-hook';
import { errorBody, AppError, invalid } from '../http/errors';
import { assertStrongPassword, decoyHash, hashPassword, verifyPassword } from './passwords';
import { assertLoginAllowed, clearAccountFailures, recordLoginFailure } from './rate-limit';
import { createApiToken, createSession, destroySession, revokeUserCredentials, SESSION_COOKIE } from './sessions';
import { meSchema, loadMe } from './me';

const credentials = z.object({
  login: z.string().trim().min(1).max(200).describe('Login name, verified email or verified mobile'),
  password: z.string().min(1).max(200),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  /** Checks a login + password against the directory, counting failures per account and per IP. */
  async function authenticate(login: string, password: string, ip: string) {
    const identifier = login.toLowerCase();
    await assertLoginAllowed(db, identifier, ip);
    const entry = await db.selectFrom('login_directory').selectAll().where('identifier', '=', identifier).executeTakeFirst();
    const user = entry
      ? await db.selectFrom('users').select(['id', 'tenant_id', 'password_hash', 'status'])
          .where('tenant_id', '=', entry.tenant_id).where('id', '=', entry.user_id).executeTakeFirst()
      : undefined;
    const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), password);
    if (!user || !ok) {
      await recordLoginFailure(db, identifier, ip);
      throw new AppError(401, 'bad_credentials', 'auth.bad_credentials');
    }
    if (user.status !== 'active') throw new AppError(403, 'user_disabled', 'auth.disabled');
    await clearAccountFailures(db, identifier);
    return user;
  }

  app.post('/api/v1/auth/login', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'], summary: 'Sign in (browser): sets the session cookie',
      body: credentials,
      response: { 200: meSchema, 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const user = await authenticate(request.body.login, request.body.password, request.ip);
    if (request.auth?.session) await destroySession(db, request.auth.tenantId, request.auth.session.id);
    const session = await createSession(db, user.tenant_id, user.id, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, session.cookie, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: app.services.config.secureCookies,
    });
    return loadMe(db, user.tenant_id, user.id, session.csrfToken);
  });

  app.post('/api/v1/auth/logout', {
    config: { auth: 'user' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    if (auth.session) await destroySession(db, auth.tenantId, auth.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/token', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'], summary: 'Sign in (API client): answers a bearer token valid for 30 days',
      body: credentials,
      response: { 200: z.object({ token: z.string() }), 401: errorBody, 403: errorBody, 429: errorBody },
    },
  }, async (request) => {
    const user = await authenticate(request.body.login, request.body.password, request.ip);
    return { token: await createApiToken(db, user.tenant_id, user.id, 'bearer') };
  });

  app.get('/api/v1/auth/me', {
    config: { auth: 'user' },
    schema: { tags: ['auth'], summary: 'The signed-in user, with the CSRF token for browser sessions', response: { 200: meSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    return loadMe(db, auth.tenantId, auth.userId, auth.session?.csrfToken ?? null);
  });

  app.post('/api/v1/auth/password', {
    config: { auth: 'user' },
    schema: {
      tags: ['auth'], summary: 'Change my password; ends my other sessions',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }),
      response: { 204: z.null(), 400: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const { currentPassword, newPassword } = request.body;
    assertStrongPassword(newPassword);
    await db.transaction().execute(async (tx) => {
      const user = await tx.selectFrom('users').select('password_hash')
        .where('tenant_id', '=', auth.tenantId).where('id', '=', auth.userId).forUpdate().executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, currentPassword))) throw invalid('auth.wrong_password');
      await tx.updateTable('users').set({ password_hash: await hashPassword(newPassword), must_change_password: false, updated_at: new Date() })
        .where('tenant_id', '=', auth.tenantId).where('id', '=', auth.userId).execute();
      await revokeUserCredentials(tx, auth.tenantId, auth.userId, auth.session?.id);
      await writeAudit(tx, { tenantId: auth.tenantId, actorId: auth.userId, objectType: 'user', recordId: auth.userId, action: 'change_password', requestId: request.id });
    });
    return reply.status(204).send(null);
  });
};

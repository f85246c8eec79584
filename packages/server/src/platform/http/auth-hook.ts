import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@yixiao/core';
import { localeFromHeader } from '@yixiao/core';
import type { Db } from '../../db/database';
import type { AuthContext } from '../auth/context';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { safeEqual } from '../auth/secrets';
import { AppError, forbidden, unauthenticated } from './errors';

/**
 * Every /api route declares who may call it in `config.auth`:
 * 'public', 'user' (any signed-in user) or a function permission. A route without one fails at start-up.
 */
export type RouteAuth = 'public' | 'user' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyInstance {
    /** Every /api route with who may call it: lets tests walk all admin endpoints. */
    routeTable: { method: string; url: string; auth: RouteAuth }[];
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    locale: import('@yixiao/core').Locale;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in caller; for handlers of routes that are not 'public'. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

async function resolveAuth(db: Db, request: FastifyRequest): Promise<AuthContext | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return resolveApiToken(db, header.slice(7).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(db, cookie) : null;
}

export function registerAuthHook(app: FastifyInstance, db: Db, publicUrl: string): void {
  const allowedOrigins = new Set([new URL(publicUrl).origin]);

  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    // The API reference pages (a plugin's routes) are public documentation.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, auth: 'public' };
    if (route.url.startsWith('/api/') && !route.config?.auth) {
      throw new Error(`route ${route.method} ${route.url} declares no config.auth`);
    }
    if (route.url.startsWith('/api/')) {
      for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url, auth: route.config!.auth! });
    }
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const required = request.routeOptions.config?.auth;
    if (!required) return; // static files and the web app

    const browserRequest = !request.headers.authorization;
    if (browserRequest && UNSAFE_METHODS.has(request.method)) {
      // A foreign site may not post to us with the user's cookies, signed in or not (login CSRF).
      const origin = request.headers.origin;
      if (origin && !allowedOrigins.has(origin) && origin !== `${request.protocol}://${request.host}`) {
        throw new AppError(403, 'bad_origin', 'error.origin');
      }
    }

    request.auth = await resolveAuth(db, request);
    if (request.auth) request.locale = request.auth.locale;
    if (required === 'public') return;
    if (!request.auth) throw unauthenticated();

    if (request.auth.session && UNSAFE_METHODS.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || !safeEqual(token, request.auth.session.csrfToken)) {
        throw new AppError(403, 'csrf', 'error.csrf');
      }
    }
    if (required !== 'user' && !request.auth.permissions.has(required)) throw forbidden();
  });
}

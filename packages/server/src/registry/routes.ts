import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody } from '../platform/http/errors';
import { accountRegistration, companyWithFill, suggestCompanies, type FailureLog } from './lookup';
import { accountRegistrySchema, companyResultSchema, publicConfigSchema, suggestResultSchema } from './registry.types';
import { registryAdminRoutes } from './admin-routes';
import { loadSettings } from './settings';
import './messages';

const tags = ['business registry'];

/** Provider failures go to the server log; users see a soft notice (lookup.ts). */
export const failureLog = (request: FastifyRequest): FailureLog => (error, what) => request.log.warn({ err: error }, what);

/**
 * 工商信息 (§3.5.2): suggestions while 客户名称 is typed, a registration with the account values it
 * fills, and the 工商信息 tab of an account. Every user of the company may look up; what answers is
 * set in 系统设置 → 工商信息设置 (admin-routes.ts).
 */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  await app.register(registryAdminRoutes);

  app.get('/api/v1/business-registry/config', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Whether 工商信息 is on, and which account fields a chosen company fills', response: { 200: publicConfigSchema } },
  }, async (request) => {
    const settings = await loadSettings(db, requireAuth(request).tenantId);
    return { provider: settings.provider, fill: settings.fill };
  });

  app.get('/api/v1/business-registry/suggest', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Registered companies whose names start with or contain the keyword (at most 10, within 1.5 s)',
      description: 'Never fails because of the registry: a slow or failing provider answers an empty list with `error` set, so a form can go on.',
      querystring: z.object({ q: z.string().max(100) }),
      response: { 200: suggestResultSchema, 400: errorBody },
    },
  }, async (request) => suggestCompanies(db, requireAuth(request), request.query.q, failureLog(request)));

  app.get('/api/v1/business-registry/companies/:creditCode', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'A registration in full, with the account field values it fills under the company\'s rules',
      params: z.object({ creditCode: z.string().min(1).max(40) }),
      response: { 200: companyResultSchema, 404: errorBody, 409: errorBody.describe('工商信息 is off'), 503: errorBody.describe('The registry did not answer in time') },
    },
  }, async (request) => companyWithFill(db, requireAuth(request), request.params.creditCode, failureLog(request)));

  app.get('/api/v1/account/:id/business-registry', {
    config: { auth: 'user' },
    schema: {
      tags: ['account', ...tags], summary: '工商信息 of an account: the registration of its name, or close names when none is exact',
      params: z.object({ id: z.string() }),
      response: { 200: accountRegistrySchema, 404: errorBody },
    },
  }, async (request) => accountRegistration(db, requireAuth(request), request.params.id, failureLog(request)));
};

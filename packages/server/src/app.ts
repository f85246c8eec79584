import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/database';
import { dedupeRoutes } from './dedupe/routes';
import { importJob } from './dataio/import/import-job';
import { importRoutes } from './dataio/import/routes';
import { templateRoutes } from './dataio/template-routes';
import { registerAuthHook } from './platform/http/auth-hook';
import { registerErrorHandler } from './platform/http/error-handler';
import { registerOpenApi } from './platform/http/openapi';
import { authRoutes } from './platform/auth/routes';
import { fileRoutes } from './platform/files/routes';
import { helpRoutes } from './platform/help/routes';
import { registerJobs } from './platform/jobs/plugin';
import { mailRoutes } from './platform/mail/routes';
import { notificationRoutes } from './platform/notifications/routes';
import { orgRoutes } from './platform/org/routes';
import { personalRoutes } from './platform/personal/routes';
import type { SmsSender } from './platform/personal/sms';
import { realtimeRoutes } from './platform/realtime/routes';
import { metadataAdminRoutes } from './metadata/admin/routes';
import { accountRoutes } from './objects/account/routes';
import { activityRoutes } from './objects/activity/routes';
import { activityRecordsRoutes } from './objects/activity/activity-records-routes';
import { analyticsExportRoutes } from './analytics/export-routes';
import { analyticsRoutes } from './analytics/routes';
import { leadConvertRoutes } from './objects/lead/convert-routes';
import { opportunityLineRoutes } from './objects/opportunity-lines/routes';
import { productCategoryRoutes } from './objects/product/category-routes';
import { opportunityRoutes } from './objects/opportunity/routes';
import { taskRoutes } from './objects/task/routes';
import { poolGroupRoutes } from './objects/pool/group-routes';
import { poolRecycleJob } from './objects/pool/recycle-job';
import { poolRoutes } from './objects/pool/routes';
import { recordFileRoutes } from './records/files-routes';
import { historyRoutes } from './records/history-routes';
import { exportRoutes } from './dataio/export/export-routes';
import { poolExportRoutes } from './dataio/export/pool-export-routes';
import { recordRoutes } from './records/routes';
import { registryRoutes } from './registry/routes';
import { searchRoutes } from './search/routes';
import { teamRoutes } from './records/team-routes';
import { viewRoutes } from './records/view-routes';

export interface Services {
  database: Database;
  config: Config;
  /** Sends verification codes by text message; by default they are written to the server log. */
  sms?: SmsSender;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the HTTP app: platform plumbing first, then each room's routes. Starts nothing. */
export async function buildApp(services: Services, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config, database } = services;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 64 ? req.headers['x-request-id'] : randomUUID()),
    requestIdHeader: false,
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  registerErrorHandler(app);
  registerAuthHook(app, database.db, config.publicUrl);
  await registerOpenApi(app);
  registerJobs(app, database); // before the rooms, which declare their queues and workers on it

  app.get(
    '/api/health',
    { config: { auth: 'public' }, schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      await database.pool.query('SELECT 1');
      return { status: 'ok' as const };
    },
  );

  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(personalRoutes);
  await app.register(fileRoutes);
  await app.register(mailRoutes);
  await app.register(notificationRoutes);
  await app.register(realtimeRoutes);
  await app.register(helpRoutes);
  await app.register(viewRoutes);
  await app.register(exportRoutes);
  await app.register(poolExportRoutes);
  await app.register(recordRoutes);
  await app.register(teamRoutes);
  await app.register(historyRoutes);
  await app.register(recordFileRoutes);
  await app.register(activityRoutes);
  await app.register(activityRecordsRoutes);
  await app.register(taskRoutes);
  await app.register(poolGroupRoutes);
  await app.register(poolRoutes);
  await app.register(poolRecycleJob);
  await app.register(leadConvertRoutes);
  await app.register(accountRoutes);
  await app.register(dedupeRoutes);
  await app.register(searchRoutes);
  await app.register(metadataAdminRoutes);
  await app.register(analyticsRoutes);
  await app.register(analyticsExportRoutes);
  await app.register(registryRoutes);
  await app.register(productCategoryRoutes);
  await app.register(opportunityLineRoutes);
  await app.register(opportunityRoutes);
  await app.register(importRoutes);
  await app.register(templateRoutes);
  await app.register(importJob);

  if (config.webDist && existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app's index.html.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}

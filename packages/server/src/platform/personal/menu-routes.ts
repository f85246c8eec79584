import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../http/auth-hook';
import { getMenu, resetMenu, saveMenu } from './menu';
import { getSubscriptions, saveSubscriptions } from './subscriptions';
import { errorBody, menuPut, menuSchema, subscriptionsPut, subscriptionsSchema } from './schemas';

/** 菜单管理 (§2.1) and 订阅设置 (§2.2): the user's navigation and which events email them. */
export const menuRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const actorOf = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), requestId: request.id });

  app.get('/api/v1/me/menu', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'My navigation menu, in order, and the items I can add', response: { 200: menuSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    return getMenu(db, auth.tenantId, auth.userId);
  });

  app.put('/api/v1/me/menu', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Save my menu: the ordered item keys, each once', body: menuPut, response: { 200: menuSchema, 400: errorBody } },
  }, async (request) => {
    const actor = actorOf(request);
    return db.transaction().execute((tx) => saveMenu(tx, actor, request.body.items));
  });

  app.delete('/api/v1/me/menu', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Restore the default menu', response: { 200: menuSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return db.transaction().execute((tx) => resetMenu(tx, actor));
  });

  app.get('/api/v1/me/email-subscriptions', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Which events send me a reminder email', response: { 200: subscriptionsSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    return getSubscriptions(db, auth.tenantId, auth.userId);
  });

  app.put('/api/v1/me/email-subscriptions', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Choose which events send me a reminder email', body: subscriptionsPut, response: { 200: subscriptionsSchema, 400: errorBody } },
  }, async (request) => {
    const actor = actorOf(request);
    return db.transaction().execute((tx) => saveSubscriptions(tx, actor, request.body.subscriptions));
  });
};

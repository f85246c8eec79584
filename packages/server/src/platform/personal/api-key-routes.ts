import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { apiKeySchema, errorBody } from './schemas';

/** 个人设置 → API 密钥: keys for scripts and integrations, acting as the user. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/me/api-keys', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'My API keys (never the keys themselves)', response: { 200: z.object({ items: z.array(apiKeySchema) }) } },
  }, async (request) => {
    const auth = requireAuth(request);
    return { items: await listApiKeys(db, auth.tenantId, auth.userId) };
  });

  app.post('/api/v1/me/api-keys', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Create an API key; the answer holds the key, shown this once',
      body: z.object({ name: z.string().trim().min(1).max(100) }),
      response: { 201: apiKeySchema.extend({ key: z.string().describe('Send as Authorization: Bearer <key>') }), 400: errorBody },
    },
  }, async (request, reply) => {
    const actor = { ...requireAuth(request), requestId: request.id };
    const created = await db.transaction().execute((tx) => createApiKey(tx, actor, request.body.name));
    return reply.status(201).send(created);
  });

  app.delete('/api/v1/me/api-keys/:id', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Revoke one of my API keys', params: z.object({ id: z.string().max(128) }), response: { 204: z.null(), 404: errorBody } },
  }, async (request, reply) => {
    const actor = { ...requireAuth(request), requestId: request.id };
    await db.transaction().execute((tx) => revokeApiKey(tx, actor, request.params.id));
    return reply.status(204).send(null);
  });
};

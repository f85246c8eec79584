import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUpload } from '../files/read-upload';
import { requireAuth } from '../http/auth-hook';
import { removeAvatar, replaceAvatar } from './avatar';
import { getProfile, updateProfile } from './profile';
import { errorBody, profilePatch, profileSchema } from './schemas';

/** 个人设置 → 个人资料 and 语言: profile, résumé, avatar, UI language. */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const actorOf = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), requestId: request.id });

  app.get('/api/v1/me/profile', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'My profile and the state of my email and mobile verification', response: { 200: profileSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    return getProfile(db, auth.tenantId, auth.userId);
  });

  app.patch('/api/v1/me/profile', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Change my title, résumé or language (my name is set by administrators)',
      body: profilePatch, response: { 200: profileSchema, 400: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const actor = actorOf(request);
    await db.transaction().execute((tx) => updateProfile(tx, actor, request.body));
    return getProfile(db, actor.tenantId, actor.userId);
  });

  app.post('/api/v1/me/avatar', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Upload my avatar (multipart field "file"; PNG, JPEG, WebP or GIF judged from the bytes; at most 2 MB)',
      consumes: ['multipart/form-data'],
      response: { 200: z.object({ avatarUrl: z.string() }), 400: errorBody, 413: errorBody },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const upload = await readUpload(request, 'avatar');
    const avatarUrl = await db.transaction().execute((tx) => replaceAvatar(tx, actor, upload));
    return { avatarUrl };
  });

  app.delete('/api/v1/me/avatar', {
    config: { auth: 'user' },
    schema: { tags: ['personal'], summary: 'Remove my avatar', response: { 204: z.null() } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await db.transaction().execute((tx) => removeAvatar(tx, actor));
    return reply.status(204).send(null);
  });
};

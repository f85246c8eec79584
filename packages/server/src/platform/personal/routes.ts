import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyRoutes } from './api-key-routes';
import { menuRoutes } from './menu-routes';
import { profileRoutes } from './profile-routes';
import { verificationRoutes } from './verification-routes';
import './messages';

/** Routes for personal settings (§2.2): profile, résumé, avatar, verification, subscriptions, menu, API keys. */
export const personalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only the avatar upload reads multipart; each file's size limit is set where it is read.
  await app.register(multipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1 } });
  await app.register(profileRoutes);
  await app.register(menuRoutes);
  await app.register(verificationRoutes);
  await app.register(apiKeyRoutes);
};

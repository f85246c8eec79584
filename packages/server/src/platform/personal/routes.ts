import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for personal settings (§2.2): profile, résumé, avatar, verification, subscriptions, menu, API keys. */
export const personalRoutes: FastifyPluginAsyncZod = async () => {};

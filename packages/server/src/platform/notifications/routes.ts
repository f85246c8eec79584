import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for the notification centre and department announcements. */
export const notificationRoutes: FastifyPluginAsyncZod = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for the mail outbox for administrators. */
export const mailRoutes: FastifyPluginAsyncZod = async () => {};

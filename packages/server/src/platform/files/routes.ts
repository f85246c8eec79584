import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for uploaded files: serving them safely. */
export const fileRoutes: FastifyPluginAsyncZod = async () => {};

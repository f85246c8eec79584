import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for help pages and feedback (帮助 → 意见反馈). */
export const helpRoutes: FastifyPluginAsyncZod = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for the per-user WebSocket channel. */
export const realtimeRoutes: FastifyPluginAsyncZod = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes for departments, users and roles (系统设置 → 组织架构 / 用户 / 角色权限). */
export const orgRoutes: FastifyPluginAsyncZod = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import './messages';
import { departmentRoutes } from './departments/routes';
import { roleRoutes } from './roles/routes';
import { userActionRoutes } from './users/action-routes';
import { userRoutes } from './users/routes';

/** Routes for departments, users and roles (系统设置 → 组织架构 / 用户管理 / 角色权限), under /api/v1/org. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(departmentRoutes);
  await app.register(userRoutes);
  await app.register(userActionRoutes);
  await app.register(roleRoutes);
};

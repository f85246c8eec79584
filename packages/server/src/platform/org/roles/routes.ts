import { PERMISSION_LABELS, PERMISSIONS } from '@yixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../http/auth-hook';
import { actorOf } from '../actor';
import { idParams, writeErrors } from '../schemas';
import { createRole } from './create-role';
import { deleteRole } from './delete-role';
import { listRoles } from './role-view';
import { createRoleBody, roleListSchema, roleSchema, updateRoleBody } from './role.types';
import { updateRole } from './update-role';

const tags = ['org: roles'];

/**
 * 系统设置 → 角色权限. Reading roles is open to every signed-in user (names and functions are no
 * secret, and 用户管理 needs them to assign roles); changing them needs role.manage.
 */
export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/org/roles', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Roles with their permissions and member counts, and the permission catalogue', response: { 200: roleListSchema } },
  }, async (request) => ({
    items: await listRoles(db, requireAuth(request).tenantId),
    permissions: PERMISSIONS.map((key) => ({ key, ...PERMISSION_LABELS[key] })),
  }));

  app.post('/api/v1/org/roles', {
    config: { auth: 'role.manage' },
    schema: { tags, summary: 'Add a role', body: createRoleBody, response: { 201: roleSchema, ...writeErrors } },
  }, async (request, reply) => reply.status(201).send(await createRole(db, actorOf(request), request.body)));

  app.patch('/api/v1/org/roles/:id', {
    config: { auth: 'role.manage' },
    schema: {
      tags, summary: 'Rename a role or set its permissions (the administrator role keeps all of them)',
      params: idParams, body: updateRoleBody, response: { 200: roleSchema, ...writeErrors },
    },
  }, async (request) => updateRole(db, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/org/roles/:id', {
    config: { auth: 'role.manage' },
    schema: { tags, summary: 'Delete a role the company added, once no user holds it', params: idParams, response: { 204: z.null(), ...writeErrors } },
  }, async (request, reply) => {
    await deleteRole(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};

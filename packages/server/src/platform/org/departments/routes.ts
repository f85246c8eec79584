import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../http/auth-hook';
import { actorOf } from '../actor';
import { idParams, writeErrors } from '../schemas';
import { createDepartment } from './create-department';
import { deleteDepartment } from './delete-department';
import { listDepartments } from './department-tree';
import {
  createDepartmentBody, departmentSchema, departmentTreeSchema, moveDepartmentBody, setHeadBody, updateDepartmentBody,
} from './department.types';
import { moveDepartment } from './move-department';
import { setDepartmentHead } from './set-department-head';
import { updateDepartment } from './update-department';

const tags = ['org: departments'];

/** 系统设置 → 组织架构: the department tree. Everyone signed in may read it; changing it needs org.manage. */
export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/org/departments', {
    config: { auth: 'user' },
    schema: { tags, summary: 'The department tree (flat, parents first)', response: { 200: departmentTreeSchema } },
  }, async (request) => ({ items: await listDepartments(db, requireAuth(request).tenantId) }));

  app.post('/api/v1/org/departments', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Create a department', body: createDepartmentBody, response: { 201: departmentSchema, ...writeErrors } },
  }, async (request, reply) => reply.status(201).send(await createDepartment(db, actorOf(request), request.body)));

  app.patch('/api/v1/org/departments/:id', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Rename a department or change its code', params: idParams, body: updateDepartmentBody, response: { 200: departmentSchema, ...writeErrors } },
  }, async (request) => updateDepartment(db, actorOf(request), request.params.id, request.body));

  app.put('/api/v1/org/departments/:id/head', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Set (or clear) the head of a department', params: idParams, body: setHeadBody, response: { 200: departmentSchema, ...writeErrors } },
  }, async (request) => setDepartmentHead(db, actorOf(request), request.params.id, request.body.userId));

  app.post('/api/v1/org/departments/:id/move', {
    config: { auth: 'org.manage' },
    schema: {
      tags, summary: 'Move a department under another parent (never under itself or a sub-department)',
      params: idParams, body: moveDepartmentBody, response: { 200: departmentSchema, ...writeErrors },
    },
  }, async (request) => moveDepartment(db, actorOf(request), request.params.id, request.body.parentId));

  app.delete('/api/v1/org/departments/:id', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Delete an empty department', params: idParams, response: { 204: z.null(), ...writeErrors } },
  }, async (request, reply) => {
    await deleteDepartment(db, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
};

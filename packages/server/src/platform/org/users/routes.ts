import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/auth-hook';
import { notFound } from '../../http/errors';
import { actorOf } from '../actor';
import { errorBody, idParams, writeErrors } from '../schemas';
import { createUserAccount } from './create-user-account';
import { expectedVersion } from './expected-version';
import { listUsers } from './list-users';
import { updateUser } from './update-user';
import { pickUsers } from './user-picker';
import { loadUserView } from './user-view';
import {
  createdUserSchema, createUserBody, pickerQuery, pickerSchema, updateUserBody, userListQuery, userListSchema, userSchema,
} from './user.types';

export const userTags = ['org: users'];

/** 系统设置 → 用户管理: reading, creating and editing users. Actions on a user live in action-routes.ts. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const tags = userTags;

  app.get('/api/v1/org/users', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'List users (filter by department incl. sub-departments, status, keyword); paged', querystring: userListQuery, response: { 200: userListSchema } },
  }, async (request) => listUsers(db, requireAuth(request).tenantId, request.query));

  app.get('/api/v1/org/users/:id', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'One user', params: idParams, response: { 200: userSchema, 404: errorBody } },
  }, async (request) => {
    const user = await loadUserView(db, requireAuth(request).tenantId, request.params.id);
    if (!user) throw notFound();
    return user;
  });

  app.post('/api/v1/org/users', {
    config: { auth: 'org.manage' },
    schema: {
      tags, summary: 'Create a user; a generated initial password is answered once',
      body: createUserBody, response: { 201: createdUserSchema, ...writeErrors },
    },
  }, async (request, reply) => reply.status(201).send(await createUserAccount(db, actorOf(request), request.body)));

  app.patch('/api/v1/org/users/:id', {
    config: { auth: 'org.manage' },
    schema: {
      tags, summary: 'Edit name, title, email, mobile or login (needs the version read)',
      params: idParams, body: updateUserBody, response: { 200: userSchema, ...writeErrors },
    },
  }, async (request) => {
    const version = expectedVersion(request.body.version, request.headers['if-match']);
    return updateUser(db, actorOf(request), request.params.id, version, request.body);
  });

  app.get('/api/v1/org/picker/users', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Active users to choose from (any signed-in user): id, name, department, avatar',
      querystring: pickerQuery, response: { 200: pickerSchema },
    },
  }, async (request) => ({ items: await pickUsers(db, requireAuth(request).tenantId, request.query) }));
};

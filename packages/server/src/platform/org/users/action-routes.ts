import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../actor';
import { idParams, writeErrors } from '../schemas';
import { moveUser } from './move-user';
import { resetPassword } from './reset-password';
import { userTags as tags } from './routes';
import { setSuperior } from './set-superior';
import { setUserRoles } from './set-user-roles';
import { setUserStatus } from './set-user-status';
import { moveUserBody, resetPasswordBody, resetPasswordSchema, setRolesBody, setSuperiorBody, userSchema } from './user.types';

const answer = { 200: userSchema, ...writeErrors };

/** Business actions on one user (POST /api/v1/org/users/<id>/<action>, DESIGN §6). */
export const userActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.post('/api/v1/org/users/:id/move', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Move a user to another department', params: idParams, body: moveUserBody, response: answer },
  }, async (request) => moveUser(db, actorOf(request), request.params.id, request.body.departmentId));

  app.post('/api/v1/org/users/:id/superior', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Set (or clear) the superior; never the user or someone below them', params: idParams, body: setSuperiorBody, response: answer },
  }, async (request) => setSuperior(db, actorOf(request), request.params.id, request.body.superiorId));

  app.put('/api/v1/org/users/:id/roles', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: "Replace the user's roles", params: idParams, body: setRolesBody, response: answer },
  }, async (request) => setUserRoles(db, actorOf(request), request.params.id, request.body.roleIds));

  app.post('/api/v1/org/users/:id/disable', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Disable a user and end their sessions at once (never yourself or the last administrator)', params: idParams, response: answer },
  }, async (request) => setUserStatus(db, actorOf(request), request.params.id, 'disabled'));

  app.post('/api/v1/org/users/:id/enable', {
    config: { auth: 'org.manage' },
    schema: { tags, summary: 'Enable a disabled user', params: idParams, response: answer },
  }, async (request) => setUserStatus(db, actorOf(request), request.params.id, 'active'));

  app.post('/api/v1/org/users/:id/reset-password', {
    config: { auth: 'org.manage' },
    schema: {
      tags, summary: 'Reset the password: a temporary one, answered once, to change at next sign-in; ends their sessions',
      params: idParams, body: resetPasswordBody, response: { 200: resetPasswordSchema, ...writeErrors },
    },
  }, async (request) => resetPassword(db, actorOf(request), request.params.id, request.body?.password));
};

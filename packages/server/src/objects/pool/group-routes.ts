import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody } from '../../platform/http/errors';
import { loadViewer } from '../../records/visibility';
import { createRule, deleteRule, reorderRules, updateRule } from './assign-rules';
import { assertAdminister, createGroup, deleteGroup, groupDetail, listGroups, setMembers, toGroup, updateGroup } from './groups';
import { recyclePreview } from './recycle';
import { groupDetailSchema, groupInputSchema, groupInputShape, groupParams, groupSchema, objectParams, previewSchema, ruleInputSchema, ruleInputShape, ruleParams } from './schemas';
import './messages';

const tags = ['pools'];
const versionField = { version: z.number().int() };

/** 公海池设置: groups, their members and auto-assign rules, and the recycle dry run. */
export const poolGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const base = '/api/v1/pools/:object/groups';
  const timeZoneOf = async (tenantId: string) => (await db.selectFrom('tenants').select('time_zone').where('id', '=', tenantId).executeTakeFirstOrThrow()).time_zone;
  const detail = async (auth: ReturnType<typeof requireAuth>, object: 'lead' | 'account', groupId: string) => groupDetail(db, await loadViewer(db, auth), object, groupId);

  app.get(base, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Pool groups the caller belongs to (every group, for pool administrators)', params: objectParams, response: { 200: z.object({ items: z.array(groupSchema) }) } },
  }, async (request) => ({ items: await listGroups(db, await loadViewer(db, requireAuth(request)), request.params.object) }));

  app.post(base, {
    config: { auth: 'pool.admin' },
    schema: { tags, summary: 'Create a pool group', params: objectParams, body: groupInputSchema, response: { 201: groupSchema, 400: errorBody } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const row = await db.transaction().execute(async (tx) => createGroup(tx, await loadViewer(tx, auth), request.params.object, request.body));
    return reply.code(201).send(toGroup(row, await loadViewer(db, auth)));
  });

  app.get(`${base}/:groupId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'One group with its members and auto-assign rules', params: groupParams, response: { 200: groupDetailSchema, 404: errorBody } },
  }, async (request) => detail(requireAuth(request), request.params.object, request.params.groupId));

  app.patch(`${base}/:groupId`, {
    config: { auth: 'pool.admin' },
    schema: { tags, summary: 'Change a group’s settings (carries its version)', params: groupParams, body: z.object({ ...groupInputShape, ...versionField }), response: { 200: groupDetailSchema, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { version, ...input } = request.body;
    await db.transaction().execute(async (tx) => updateGroup(tx, await loadViewer(tx, auth), request.params.object, request.params.groupId, input, version));
    return detail(auth, request.params.object, request.params.groupId);
  });

  app.delete(`${base}/:groupId`, {
    config: { auth: 'pool.admin' },
    schema: { tags, summary: 'Delete an empty group (never the default one)', params: groupParams, response: { 204: z.null(), 400: errorBody, 404: errorBody } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    await db.transaction().execute(async (tx) => deleteGroup(tx, await loadViewer(tx, auth), request.params.object, request.params.groupId));
    return reply.code(204).send(null);
  });

  app.put(`${base}/:groupId/members`, {
    config: { auth: 'pool.admin' },
    schema: {
      tags, summary: 'Replace the members of a group (分组成员 and 分组管理员)', params: groupParams,
      body: z.object({ members: z.array(z.object({ userId: z.guid(), isAdmin: z.boolean() })).max(5000) }),
      response: { 200: groupDetailSchema, 400: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    await db.transaction().execute(async (tx) => setMembers(tx, await loadViewer(tx, auth), request.params.object, request.params.groupId, request.body.members));
    return detail(auth, request.params.object, request.params.groupId);
  });

  // Rules belong to the group's administrators (and holders of pool.admin); 404 for non-members.
  const inGroup = async (auth: ReturnType<typeof requireAuth>, object: 'lead' | 'account', groupId: string) => {
    const viewer = await loadViewer(db, auth);
    await groupDetail(db, viewer, object, groupId);
    assertAdminister(viewer, groupId);
    return timeZoneOf(auth.tenantId);
  };

  app.post(`${base}/:groupId/rules`, {
    config: { auth: 'user' },
    schema: { tags, summary: '自动分配: add a rule at the end of the group’s order', params: groupParams, body: ruleInputSchema, response: { 201: groupDetailSchema, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const { object, groupId } = request.params;
    const timeZone = await inGroup(auth, object, groupId);
    await db.transaction().execute((tx) => createRule(tx, auth.tenantId, object, groupId, request.body, timeZone));
    return reply.code(201).send(await detail(auth, object, groupId));
  });

  app.patch(`${base}/:groupId/rules/:ruleId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Change a rule (carries its version)', params: ruleParams, body: z.object({ ...ruleInputShape, ...versionField }), response: { 200: groupDetailSchema, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { object, groupId, ruleId } = request.params;
    const timeZone = await inGroup(auth, object, groupId);
    const { version, ...input } = request.body;
    await db.transaction().execute((tx) => updateRule(tx, auth.tenantId, object, groupId, ruleId, input, version, timeZone));
    return detail(auth, object, groupId);
  });

  app.delete(`${base}/:groupId/rules/:ruleId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Delete a rule', params: ruleParams, response: { 200: groupDetailSchema, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { object, groupId, ruleId } = request.params;
    await inGroup(auth, object, groupId);
    await db.transaction().execute((tx) => deleteRule(tx, auth.tenantId, groupId, ruleId));
    return detail(auth, object, groupId);
  });

  app.put(`${base}/:groupId/rules-order`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Put the group’s rules in this order (every rule, once)', params: groupParams, body: z.object({ ids: z.array(z.guid()).max(500) }), response: { 200: groupDetailSchema, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    const { object, groupId } = request.params;
    await inGroup(auth, object, groupId);
    await db.transaction().execute((tx) => reorderRules(tx, auth.tenantId, groupId, request.body.ids));
    return detail(auth, object, groupId);
  });

  app.get(`${base}/:groupId/recycle-preview`, {
    config: { auth: 'user' },
    schema: {
      tags, summary: '回收预览: what the recycle rules return to the pool within the next days, and why', params: groupParams,
      querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(1) }), response: { 200: previewSchema, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    const { object, groupId } = request.params;
    await inGroup(auth, object, groupId);
    return recyclePreview(db, auth.tenantId, object, groupId, new Date(Date.now() + request.query.days * 86_400_000));
  });
};

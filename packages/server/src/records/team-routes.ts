import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody, AppError } from '../platform/http/errors';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { findRow } from './read';
import { openScope } from './scope';
import { auditRecord } from './write-helpers';

const memberSchema = z.object({ userId: z.guid(), name: z.string(), access: z.enum(['read', 'write']), addedAt: z.string() });

/** 团队成员 (§3.5.4, §3.7.3): colleagues who may read, or read and edit, a record. */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const object of STANDARD_OBJECTS.filter((o) => o.owned)) {
    const base = `/api/v1/${object.key}/:id/team`;
    const tags = [object.key];
    const params = z.object({ id: z.string() });

    app.get(base, {
      config: { auth: 'user' },
      schema: { tags, summary: 'Team members of a record', params, response: { 200: z.object({ items: z.array(memberSchema) }), 404: errorBody } },
    }, async (request) => {
      const scope = await openScope(db, requireAuth(request), object.key);
      await findRow(db, scope, request.params.id);
      const rows = await db.selectFrom('record_team_members as m')
        .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
        .select(['m.user_id', 'u.name', 'm.access', 'm.added_at'])
        .where('m.tenant_id', '=', scope.auth.tenantId).where('m.object', '=', object.key).where('m.record_id', '=', request.params.id)
        .orderBy('m.added_at').execute();
      return { items: rows.map((r) => ({ userId: r.user_id, name: r.name, access: r.access, addedAt: r.added_at.toISOString() })) };
    });

    app.put(`${base}/:userId`, {
      config: { auth: 'user' },
      schema: {
        tags, summary: 'Add a team member or change their rights (read / write)', params: params.extend({ userId: z.guid() }),
        body: z.object({ access: z.enum(['read', 'write']) }), response: { 204: z.null(), 400: errorBody, 404: errorBody },
      },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, object.key, request.id);
        const row = await findRow(tx, scope, request.params.id, 'manage', true);
        const user = await tx.selectFrom('users').select('id').where('tenant_id', '=', auth.tenantId)
          .where('id', '=', request.params.userId).where('status', '=', 'active').executeTakeFirst();
        if (!user) throw new AppError(400, 'bad_user', 'records.bad_user');
        if (row.owner_id === user.id) return; // the owner needs no team seat
        await tx.insertInto('record_team_members')
          .values({ tenant_id: auth.tenantId, object: object.key, record_id: request.params.id, user_id: user.id, access: request.body.access, added_by: auth.userId })
          .onConflict((oc) => oc.columns(['tenant_id', 'object', 'record_id', 'user_id']).doUpdateSet({ access: request.body.access }))
          .execute();
        await auditRecord(tx, scope, request.params.id, 'team_add', [{ field: 'team', old: null, new: { userId: user.id, access: request.body.access } }]);
      });
      return reply.status(204).send(null);
    });

    app.delete(`${base}/:userId`, {
      config: { auth: 'user' },
      schema: { tags, summary: 'Remove a team member', params: params.extend({ userId: z.guid() }), response: { 204: z.null(), 404: errorBody } },
    }, async (request, reply) => {
      const auth = requireAuth(request);
      await db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, object.key, request.id);
        await findRow(tx, scope, request.params.id, 'manage', true);
        const removed = await tx.deleteFrom('record_team_members').where('tenant_id', '=', auth.tenantId).where('object', '=', object.key)
          .where('record_id', '=', request.params.id).where('user_id', '=', request.params.userId).returning('access').executeTakeFirst();
        if (removed) await auditRecord(tx, scope, request.params.id, 'team_remove', [{ field: 'team', old: { userId: request.params.userId, access: removed.access }, new: null }]);
      });
      return reply.status(204).send(null);
    });
  }
};

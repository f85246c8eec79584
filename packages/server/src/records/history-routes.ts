import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { requireAuth } from '../platform/http/auth-hook';
import { historyItemSchema, loadHistory } from './history';
import { findRow } from './read';
import { openScope } from './scope';
import { errorBody } from '../platform/http/errors';


/** 操作记录 (DESIGN.md §5): who changed which field of a record, when, from what to what. */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  for (const object of STANDARD_OBJECTS) {
    app.get(`/api/v1/${object.key}/:id/history`, {
      config: { auth: 'user' },
      schema: {
        tags: [object.key], summary: '操作记录: the record\'s operation log, newest first, with field labels and values in words',
        params: z.object({ id: z.string() }),
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(historyItemSchema), total: z.number().int() }), 404: errorBody },
      },
    }, async (request) => {
      const scope = await openScope(db, requireAuth(request), object.key);
      await findRow(db, scope, request.params.id);
      return loadHistory(db, scope, request.params.id, request.locale, request.query);
    });
  }
};

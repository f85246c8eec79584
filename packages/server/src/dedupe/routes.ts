import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isAdmin } from '../platform/auth/context';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody, AppError } from '../platform/http/errors';
import { loadObject } from '../metadata/registry';
import { findRow } from '../records/read';
import { openScope } from '../records/scope';
import { rowToRecord } from '../records/values';
import { checkBodySchema, duplicateResultSchema, marksBodySchema, marksSchema, rulesInputSchema, rulesSchema } from './dedupe.types';
import { findDuplicates } from './find-duplicates';
import { duplicateMarks } from './marks';
import { DEDUPE_OBJECTS, loadRules, saveRules } from './rules';
import './messages';

const tags = ['dedupe'];

/** 查重 (§3.2.7, §3.5.2): the rules administrators set, the check on create forms, the list's "!" and its popover. */
export const dedupeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const objectParams = z.object({ object: z.enum(DEDUPE_OBJECTS as [string, ...string[]]) });

  app.get('/api/v1/dedupe/rules/:object', {
    config: { auth: 'user' },
    schema: { tags, summary: 'The duplicate rules of an object (everyone reads them: forms show what is compared)', params: objectParams, response: { 200: rulesSchema } },
  }, async (request) => {
    const auth = requireAuth(request);
    return loadRules(db, auth.tenantId, await loadObject(db, auth.tenantId, request.params.object));
  });

  app.put('/api/v1/dedupe/rules/:object', {
    config: { auth: 'user' },
    schema: { tags, summary: '查重规则: set which fields are compared, exactly or fuzzily (administrators)', params: objectParams, body: rulesInputSchema, response: { 200: rulesSchema, 400: errorBody, 403: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    // 系统设置 is the administrators' (§2.1): no function permission hands out company-wide matching rules.
    if (!isAdmin(auth)) throw new AppError(403, 'forbidden', 'dedupe.admin_only');
    return db.transaction().execute(async (tx) => saveRules(tx, auth.tenantId, auth.userId, await loadObject(tx, auth.tenantId, request.params.object), request.body));
  });

  for (const key of DEDUPE_OBJECTS) {
    const base = `/api/v1/${key}`;
    const objectTags = [key, 'dedupe'];

    app.post(`${base}/dedupe/check`, {
      config: { auth: 'user' },
      schema: { tags: objectTags, summary: '查重: records that may duplicate the values being entered', body: checkBodySchema, response: { 200: duplicateResultSchema, 400: errorBody } },
    }, async (request) => {
      const auth = requireAuth(request);
      return db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, key, request.id);
        const rules = await loadRules(tx, auth.tenantId, scope.object);
        return findDuplicates(tx, scope, rules, request.body.values, { excludeId: request.body.excludeId, limit: request.body.limit });
      });
    });

    app.post(`${base}/dedupe/marks`, {
      config: { auth: 'user' },
      schema: { tags: objectTags, summary: 'Which records of a list page may have duplicates (the "!" of §3.2.7)', body: marksBodySchema, response: { 200: marksSchema, 400: errorBody } },
    }, async (request) => {
      const auth = requireAuth(request);
      return db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, key, request.id);
        return { marks: await duplicateMarks(tx, scope, await loadRules(tx, auth.tenantId, scope.object), request.body.ids) };
      });
    });

    app.get(`${base}/:id/duplicates`, {
      config: { auth: 'user' },
      schema: { tags: objectTags, summary: 'The likely duplicates of one record (the popover of §3.2.7)', params: z.object({ id: z.string() }), querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }), response: { 200: duplicateResultSchema, 404: errorBody } },
    }, async (request) => {
      const auth = requireAuth(request);
      return db.transaction().execute(async (tx) => {
        const scope = await openScope(tx, auth, key, request.id);
        // A record the caller may not see answers 404 (findRow), like every other endpoint.
        const record = rowToRecord(scope.object, await findRow(tx, scope, request.params.id));
        return findDuplicates(tx, scope, await loadRules(tx, auth.tenantId, scope.object), record, { excludeId: request.params.id, limit: request.query.limit });
      });
    });
  }
};

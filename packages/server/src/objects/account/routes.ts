import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody } from '../../platform/http/errors';
import { runBatch } from '../../records/batch';
import { attachDisplayNames } from '../../records/display';
import { idsSchema } from '../../records/schemas';
import { openScope } from '../../records/scope';
import { mergeAccounts } from './merge-account';
import { previewMerge } from './merge-preview';
import { mergeBodySchema, mergePreviewQuery, mergePreviewSchema, mergeResultSchema } from './merge.types';
import { opportunityMarks } from './opportunity-marks';
import { transferRelations } from './related';
import { transferAccount } from './transfer-account';
import type { TransferOutcome } from './transfer.types';
import {
  batchTransferBodySchema, batchTransferResultSchema, transferBodySchema, transferRelationsSchema, transferResultSchema,
} from './transfer.types';

const tags = ['account'];
const params = z.object({ id: z.string() });

/** What 客户 adds to the record engine: 转移 with related records (§3.5.8), 合并 (§3.5.10), the list's opportunity icon (§3.5.5). */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/account/transfer-relations', {
    config: { auth: 'user' },
    schema: { tags, summary: '转移客户: the kinds of related records that may follow an account to its new owner', response: { 200: transferRelationsSchema } },
  }, async (request) => {
    const relations = await transferRelations(db, requireAuth(request).tenantId);
    return { items: relations.map((r) => ({ object: r.object.key, label: r.object.label, disabled: r.disabled })) };
  });

  app.post('/api/v1/account/:id/transfer-with-related', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '转移给他人 (§3.5.8): the account and the chosen related records held by its owner (never won or lost opportunities) go to another user',
      params, body: transferBodySchema, response: { 200: transferResultSchema, 400: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    return db.transaction().execute(async (tx) => {
      const scope = await openScope(tx, auth, 'account', request.id);
      const outcome = await transferAccount(tx, scope, request.params.id, request.body.ownerId, request.body.related);
      await attachDisplayNames(tx, scope, [outcome.record]);
      return outcome;
    });
  });

  app.post('/api/v1/account/batch/transfer-with-related', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '批量转移 (§3.5.8): each account with its chosen related records, in a transaction of its own; one result per account saying what moved',
      body: batchTransferBodySchema, response: { 200: batchTransferResultSchema, 400: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    const { ids, ownerId, related } = request.body;
    const outcomes = new Map<string, TransferOutcome>();
    const { results } = await runBatch(db, ids, request.locale, async (tx, id) =>
      outcomes.set(id, await transferAccount(tx, await openScope(tx, auth, 'account', request.id), id, ownerId, related)));
    return { results: results.map((r) => ({ ...r, moved: outcomes.get(r.id)?.moved, kept: outcomes.get(r.id)?.kept })) };
  });

  app.get('/api/v1/account/merge-preview', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '合并客户: the accounts side by side, which fields differ, and the related records of each (each account must be one the caller manages)',
      querystring: mergePreviewQuery, response: { 200: mergePreviewSchema, 400: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request) => previewMerge(db, requireAuth(request), request.query.ids));

  app.post('/api/v1/account/merge', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '合并客户 (§3.5.10): related records, 动态, tasks, documents and team members move to the master, which keeps the chosen values and the earliest creation date; the others are deleted. One transaction',
      body: mergeBodySchema, response: { 200: mergeResultSchema, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    return db.transaction().execute((tx) => mergeAccounts(tx, auth, request.body, request.id));
  });

  app.post('/api/v1/account/opportunity-marks', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Which accounts of a list page have opportunities the caller may open (the icon of §3.5.5), with how many',
      body: z.object({ ids: idsSchema }), response: { 200: z.object({ marks: z.array(z.object({ id: z.guid(), count: z.number().int() })) }), 400: errorBody },
    },
  }, async (request) => ({ marks: await opportunityMarks(db, requireAuth(request), request.body.ids) }));
};

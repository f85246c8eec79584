import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody, invalid } from '../../platform/http/errors';
import { attachDisplayNames } from '../../records/display';
import { parseFilter } from '../../records/schemas';
import { openScope } from '../../records/scope';
import { loadSavedView } from '../../records/views';
import { kanbanBoard } from './kanban';
import { moveStage } from './move-stage';
import { kanbanQuerySchema, moveStageBody, salesProcessInputSchema, salesProcessSchema, stageProgressSchema, taskTickBody } from './process.types';
import { loadSalesProcess } from './sales-process';
import { saveSalesProcess } from './save-process';
import { stageProgress, tickStageTask } from './stage-progress';
import './hooks';

const tags = ['opportunity'];
const idParams = z.object({ id: z.guid() });
const recordOut = z.record(z.string(), z.unknown()).describe('The opportunity, as GET /api/v1/opportunity/:id answers it');

const kanbanSchema = z.object({
  mode: z.enum(['simple', 'guided']),
  columns: z.array(z.object({
    value: z.string(), label: z.object({ zh: z.string(), en: z.string() }), kind: z.enum(['open', 'won', 'lost']),
    winRate: z.number().int(), enabled: z.boolean(), count: z.number().int(),
    amount: z.string().describe('Sum of 金额, exact'), weightedAmount: z.string().describe('amount × 赢率 / 100'),
    items: z.array(recordOut),
  })),
}).meta({ id: 'OpportunityKanban' });

/** 销售流程 (§3.7.6) and the opportunity's stage actions: kanban (§3.7.4), stage moves, the stage bar and its tasks. */
export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/sales-process', {
    config: { auth: 'user' },
    schema: { tags, summary: '销售流程: the company’s stages (win rates, tasks, key fields), mode and loss reasons', response: { 200: salesProcessSchema } },
  }, async (request) => loadSalesProcess(db, requireAuth(request).tenantId));

  app.put('/api/v1/sales-process', {
    config: { auth: 'metadata.manage' },
    schema: {
      tags, summary: 'Save the sales process (carries its version; 0 replaces the built-in one). Used stages and reasons can be disabled, not removed',
      body: salesProcessInputSchema, response: { 200: salesProcessSchema, 400: errorBody, 409: errorBody },
    },
  }, async (request) => saveSalesProcess(db, requireAuth(request), request.body));

  app.get('/api/v1/opportunity/kanban', {
    config: { auth: 'user' },
    schema: { tags, summary: '看板: a column per stage with count, amount and the first cards, over the list’s view and filters', querystring: kanbanQuerySchema, response: { 200: kanbanSchema, 400: errorBody } },
  }, async (request) => {
    const scope = await openScope(db, requireAuth(request), 'opportunity', request.id);
    const q = request.query;
    const parsed = parseFilter(q.filter);
    if (parsed && 'error' in parsed) throw invalid('records.bad_filter', { field: 'filter', reason: parsed.error ?? '' });
    const saved = q.viewId ? await loadSavedView(db, scope, q.viewId) : undefined;
    const filters = [saved?.filter, parsed?.filter].filter((f) => f !== undefined);
    return kanbanBoard(db, scope, {
      filter: filters.length > 1 ? { and: filters } : filters[0], view: q.view, sort: q.sort ?? saved?.sort ?? undefined,
      limit: q.limit, stage: q.stage, offset: q.offset,
    });
  });

  app.post('/api/v1/opportunity/:id/stage', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '推进销售机会: move to a stage (the kanban’s drag), under the process’s rules; 输单 needs lostReason',
      params: idParams, body: moveStageBody, response: { 200: recordOut, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => db.transaction().execute(async (tx) => {
    const scope = await openScope(tx, requireAuth(request), 'opportunity', request.id);
    const moved = await moveStage(tx, scope, request.params.id, request.body);
    await attachDisplayNames(tx, scope, [moved]);
    return moved;
  }));

  app.get('/api/v1/opportunity/:id/stage-progress', {
    config: { auth: 'user' },
    schema: { tags, summary: '可视化流程: stages with their tasks (ticked or not) and key fields (filled or not), the current stage and the stage history', params: idParams, response: { 200: stageProgressSchema, 404: errorBody } },
  }, async (request) => stageProgress(db, await openScope(db, requireAuth(request), 'opportunity', request.id), request.params.id));

  app.put('/api/v1/opportunity/:id/stage-tasks/:taskId', {
    config: { auth: 'user' },
    schema: {
      tags, summary: 'Tick or untick a stage task on the opportunity', params: idParams.extend({ taskId: z.guid() }), body: taskTickBody,
      response: { 200: stageProgressSchema, 403: errorBody, 404: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    await db.transaction().execute(async (tx) => tickStageTask(tx, await openScope(tx, auth, 'opportunity', request.id), request.params.id, request.params.taskId, request.body.done));
    return stageProgress(db, await openScope(db, auth, 'opportunity', request.id), request.params.id);
  });
};

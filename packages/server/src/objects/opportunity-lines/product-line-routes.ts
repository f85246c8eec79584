import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { addLinesSchema, errorBody, lineChangeSchema, lineParams, linesSchema, opportunityParams } from './lines.types';
import { changeOpportunity, openOpportunity } from './opportunity-access';
import { addLines, changeLine, listLines, removeLine } from './product-lines';

const tags = ['opportunity'];
const base = '/api/v1/opportunity/:id/products';

/**
 * 产品明细 (§3.7.5 查看或添加产品). Each change runs in one transaction with the opportunity locked;
 * while lines exist the opportunity's 金额 is their sum, written through the record engine.
 */
export const productLineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const answer = async (request: { params: { id: string } } & Parameters<typeof requireAuth>[0]) =>
    listLines(db, await openOpportunity(db, requireAuth(request), request.params.id, 'read'));

  app.get(base, {
    config: { auth: 'user' },
    schema: { tags, summary: '产品明细 of an opportunity, their sum and the opportunity’s amount', params: opportunityParams, response: { 200: linesSchema, 404: errorBody } },
  }, async (request) => answer(request));

  app.post(base, {
    config: { auth: 'user' },
    schema: {
      tags, summary: '添加产品: lines for enabled products (price defaults to the 标准价格; total = price × quantity × discount%, half-up to the cent); the amount becomes their sum',
      params: opportunityParams, body: addLinesSchema, response: { 201: linesSchema, 400: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => addLines(tx, access, request.body.items));
    return reply.code(201).send(await answer(request));
  });

  app.patch(`${base}/:lineId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Change a line’s price, quantity, discount or remark; its total and the amount follow', params: lineParams, body: lineChangeSchema, response: { 200: linesSchema, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => changeLine(tx, access, request.params.lineId, request.body));
    return answer(request);
  });

  app.delete(`${base}/:lineId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Remove a line; without lines the amount keeps its value and is edited by hand again', params: lineParams, response: { 200: linesSchema, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => removeLine(tx, access, request.params.lineId));
    return answer(request);
  });
};

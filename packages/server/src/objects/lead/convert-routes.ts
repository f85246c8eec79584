import './hooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody } from '../../platform/http/errors';
import { convertLead } from './convert';
import { previewConversion } from './convert-preview';
import { convertBodySchema, convertPreviewSchema, convertResultSchema } from './convert.types';

const params = z.object({ id: z.string() });
const tags = ['lead'];

/** 转为客户 (§3.3.7): the dialog's suggestions, and the conversion itself. */
export const leadConvertRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/lead/:id/convert-preview', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '转换销售线索: suggested account, contact and opportunity values, and the account an exact company-name match would merge into',
      params, response: { 200: convertPreviewSchema, 404: errorBody },
    },
  }, async (request) => previewConversion(db, requireAuth(request), request.params.id));

  app.post('/api/v1/lead/:id/convert', {
    config: { auth: 'user' },
    schema: {
      tags, summary: '转为客户: create (or merge into) the account, create the contact and optionally the opportunity; the lead becomes 已转换. One transaction',
      params, body: convertBodySchema,
      response: { 200: convertResultSchema, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (request) => {
    const auth = requireAuth(request);
    return db.transaction().execute((tx) => convertLead(tx, auth, request.params.id, request.body, request.id));
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { globalSearch } from './global-search';

const resultSchema = z.object({
  groups: z.array(z.object({
    object: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }),
    items: z.array(z.object({
      id: z.string().uuid(),
      name: z.string(),
      secondary: z.string().nullable().describe('Company, phone or account: what tells two records of one name apart'),
      link: z.string().describe('The record page in the web app'),
    })),
    more: z.boolean(),
  })),
}).meta({ id: 'SearchResult' });

/** 模糊全局搜索 (§2.1). */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  app.get('/api/v1/search', {
    config: { auth: 'user' },
    schema: {
      tags: ['search'],
      summary: 'Global search over names, companies, phones, e-mails and pinyin (full or initials), only among records the caller may see',
      querystring: z.object({
        q: z.string().max(100).describe('Text to find; "zhangsan" and "zs" find 张三'),
        limit: z.coerce.number().int().min(1).max(50).default(5).describe('Results per object'),
      }),
      response: { 200: resultSchema },
    },
  }, async (request) => ({ groups: await globalSearch(db, requireAuth(request), request.query.q, request.query.limit) }));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody } from '../platform/http/errors';
import {
  campaignResultsSchema, campaignTableQuerySchema, campaignTableSchema, conversionAnalysisQuerySchema, conversionAnalysisSchema,
  conversionStatsQuerySchema, conversionStatsSchema, drillQuerySchema, drillSchema, poolAnalysisSchema,
} from './analytics.types';
import { campaignResults, campaignTable } from './campaign-results';
import { loadAnalyticsContext } from './context';
import { drill } from './drill';
import { leadConversionAnalysis } from './lead-conversion-analysis';
import { leadConversionStats } from './lead-conversion-stats';
import { periodQuerySchema, resolvePeriod } from './period';
import { poolAnalysis } from './pool-analysis';
import './messages';

const tags = ['analytics'];

/** Campaign results (§3.1.3 – §3.1.5), the lead pool's conversion panel and analysis (§3.2.6, §3.2.9), 线索转换率 (§4.1.10). */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const base = '/api/v1/analytics';

  app.get(`${base}/campaigns/:id/results`, {
    config: { auth: 'user' },
    schema: { tags, summary: '市场活动结果: 参与人数, 销售线索, 转化销售机会, 实际收益, ROI and 线索转化率 of a campaign', params: z.object({ id: z.guid() }), response: { 200: campaignResultsSchema, 404: errorBody } },
  }, async (request) => campaignResults(db, await loadAnalyticsContext(db, requireAuth(request)), request.params.id));

  app.get(`${base}/campaigns`, {
    config: { auth: 'user' },
    schema: { tags, summary: '查看数据分析: each readable campaign with its leads, conversions, accounts, opportunities and amounts', querystring: campaignTableQuerySchema, response: { 200: campaignTableSchema, 400: errorBody } },
  }, async (request) => campaignTable(db, await loadAnalyticsContext(db, requireAuth(request)), request.query));

  app.get(`${base}/lead-conversion-stats`, {
    config: { auth: 'user' },
    schema: { tags, summary: '查看销售线索转换情况: leads created in the period, followed up, converted to opportunities and won', querystring: conversionStatsQuerySchema, response: { 200: conversionStatsSchema, 400: errorBody } },
  }, async (request) => {
    const ctx = await loadAnalyticsContext(db, requireAuth(request));
    return leadConversionStats(db, ctx, await resolvePeriod(db, ctx.timeZone, request.query), request.query.groupId);
  });

  app.get(`${base}/lead-pool`, {
    config: { auth: 'user' },
    schema: { tags, summary: '线索公海池数据分析: per group, leads in the pool, held, abandoned and converted; claims, assignments, returns and recycles in the period', querystring: periodQuerySchema, response: { 200: poolAnalysisSchema, 400: errorBody } },
  }, async (request) => {
    const ctx = await loadAnalyticsContext(db, requireAuth(request));
    return poolAnalysis(db, ctx, await resolvePeriod(db, ctx.timeZone, request.query));
  });

  app.get(`${base}/lead-conversion`, {
    config: { auth: 'user' },
    schema: { tags, summary: '线索转换率: leads created in the period per pool, campaign or campaign owner, converted to accounts, opportunities and won', querystring: conversionAnalysisQuerySchema, response: { 200: conversionAnalysisSchema, 400: errorBody } },
  }, async (request) => {
    const ctx = await loadAnalyticsContext(db, requireAuth(request));
    return leadConversionAnalysis(db, ctx, await resolvePeriod(db, ctx.timeZone, request.query), request.query.by);
  });

  app.get(`${base}/drill`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'The records behind a number, counted by the same query as the number', querystring: drillQuerySchema, response: { 200: drillSchema, 400: errorBody } },
  }, async (request) => drill(db, await loadAnalyticsContext(db, requireAuth(request)), request.query));
};

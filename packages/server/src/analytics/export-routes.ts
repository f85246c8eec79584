import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../dataio/export/download';
import { percent, sendTableExport } from '../dataio/export/send-table';
import { requireAuth } from '../platform/http/auth-hook';
import { errorBody } from '../platform/http/errors';
import { conversionAnalysisQuerySchema } from './analytics.types';
import { loadAnalyticsContext } from './context';
import { leadConversionAnalysis } from './lead-conversion-analysis';
import type { ConversionDimension } from './lead-conversion-family';
import { periodQuerySchema, resolvePeriod } from './period';
import { poolAnalysis } from './pool-analysis';

const tags = ['analytics'];
const TOTAL = { zh: '合计', en: 'Total' };

const POOL_HEADER = [
  { zh: '公海分组', en: 'Pool group' },
  { zh: '公海中', en: 'In the pool' }, { zh: '已领取', en: 'Held' }, { zh: '已废弃', en: 'Abandoned' }, { zh: '已转换', en: 'Converted' },
  { zh: '领取', en: 'Claims' }, { zh: '分配', en: 'Assignments' }, { zh: '退回', en: 'Returns' }, { zh: '收回', en: 'Recycles' },
];

const CONVERSION_HEADER = (by: ConversionDimension) => [
  { pool: { zh: '公海池', en: 'Pool' }, campaign: { zh: '市场活动', en: 'Campaign' }, campaignOwner: { zh: '市场活动所有人', en: 'Campaign owner' } }[by],
  { zh: '线索数', en: 'Leads' }, { zh: '转为客户', en: 'Converted to accounts' }, { zh: '客户转化率', en: 'Account conversion rate' },
  { zh: '转换商机', en: 'Opportunities' }, { zh: '商机转化率', en: 'Opportunity rate' }, { zh: '商机赢单', en: 'Won' }, { zh: '赢单率', en: 'Win rate' },
];
const NONE: Record<ConversionDimension, { zh: string; en: string }> = {
  pool: { zh: '（未分组）', en: '(No group)' }, campaign: { zh: '（无市场活动）', en: '(No campaign)' }, campaignOwner: { zh: '（无市场活动）', en: '(No campaign)' },
};

/**
 * 导出 of the analytics page's reports (线索公海池分析 §3.2.9, 线索转换率 §4.1.10): the table the page
 * shows for the same period and dimension, computed by the same functions under the caller's
 * visibility, with its total row, through the list exports' writer.
 */
export const analyticsExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const base = '/api/v1/analytics';

  app.get(`${base}/lead-pool/export`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Export 线索公海池分析 for a period as XLSX or CSV', querystring: periodQuerySchema.extend(exportFormatQuery), response: { 400: errorBody } },
  }, async (request, reply) => {
    const ctx = await loadAnalyticsContext(db, requireAuth(request));
    const data = await poolAnalysis(db, ctx, await resolvePeriod(db, ctx.timeZone, request.query));
    const figures = (r: typeof data.total) => [r.inPool, r.held, r.abandoned, r.converted, r.claims, r.assigns, r.returns, r.recycles];
    return sendTableExport(request, reply, ctx.timeZone, {
      label: { zh: '线索公海池分析', en: 'Lead pool analysis' }, asciiName: 'lead-pool-analysis', header: POOL_HEADER,
      rows: [...data.rows.map((r) => [r.name, ...figures(r)]), [TOTAL, ...figures(data.total)]],
      format: request.query.format, encoding: request.query.encoding,
    });
  });

  app.get(`${base}/lead-conversion/export`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Export 线索转换率 for a period and dimension as XLSX or CSV', querystring: conversionAnalysisQuerySchema.extend(exportFormatQuery), response: { 400: errorBody } },
  }, async (request, reply) => {
    const ctx = await loadAnalyticsContext(db, requireAuth(request));
    const { by } = request.query;
    const data = await leadConversionAnalysis(db, ctx, await resolvePeriod(db, ctx.timeZone, request.query), by);
    const figures = (r: typeof data.total) => [r.leads, r.converted, percent(r.convertedRate), r.opportunities, percent(r.opportunityRate), r.won, percent(r.wonRate)];
    return sendTableExport(request, reply, ctx.timeZone, {
      label: { zh: '线索转换率', en: 'Lead conversion' }, asciiName: 'lead-conversion', header: CONVERSION_HEADER(by),
      rows: [
        ...data.rows.map((r) => [r.name ?? NONE[by], ...figures(r)]),
        [TOTAL, ...figures(data.total)],
      ],
      format: request.query.format, encoding: request.query.encoding,
    });
  });
};

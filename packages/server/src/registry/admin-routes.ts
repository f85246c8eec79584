import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../platform/http/auth-hook';
import { AppError, errorBody } from '../platform/http/errors';
import { MAX_FILE_BYTES, readDataFile } from './data-file';
import { clearCompanies, loadSample, replaceCompanies } from './load-data';
import { loadResultSchema, settingsInputSchema, settingsSchema } from './registry.types';
import { saveSettings, settingsView } from './settings';

const tags = ['business registry: administration'];
/** 系统设置 is the administrators'; 工商信息设置 shapes account forms like 对象与字段 does. */
const auth = 'metadata.manage' as const;
const base = '/api/v1/admin/business-registry';

async function readFile(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  const { RequestFileTooLargeError, InvalidMultipartContentTypeError } = request.server.multipartErrors;
  try {
    const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6 } });
    if (!part) throw new AppError(400, 'file_missing', 'registry.file.missing');
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (error) {
    if (error instanceof RequestFileTooLargeError) throw new AppError(413, 'too_large', 'error.too_large', { max: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
    if (error instanceof InvalidMultipartContentTypeError) throw new AppError(400, 'file_missing', 'registry.file.missing');
    throw error;
  }
}

/** 系统设置 → 工商信息设置: the provider, the HTTP service and its key, the fill rules, the offline data. */
export const registryAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  await app.register(multipart, { limits: { files: 1 } });

  app.get(base, {
    config: { auth },
    schema: { tags, summary: '工商信息设置, with the number of companies the offline registry holds (the HTTP key is never sent back)', response: { 200: settingsSchema } },
  }, async (request) => settingsView(db, requireAuth(request).tenantId));

  app.put(base, {
    config: { auth },
    schema: { tags, summary: 'Choose the provider (off, offline, http), the HTTP service address and key, and which account field each registry item fills', body: settingsInputSchema, response: { 200: settingsSchema, 400: errorBody, 403: errorBody } },
  }, async (request) => {
    const user = requireAuth(request);
    await db.transaction().execute((tx) => saveSettings(tx, user, request.body, request.id));
    return settingsView(db, user.tenantId);
  });

  app.post(`${base}/data`, {
    config: { auth },
    schema: {
      tags, summary: 'Load a registry data file, replacing the offline registry (multipart field "file": CSV in UTF-8 or GB18030, JSON Lines, or a JSON array; at most 64 MB)',
      description: 'Columns / keys: creditCode (统一社会信用代码) and name (企业名称) required; legalRepresentative, registeredCapital, establishedOn, status, companyType, province, city, district, address, phone, email, website, industry, businessScope. One bad row refuses the file (details.errors lists lines).',
      consumes: ['multipart/form-data'], response: { 200: loadResultSchema, 400: errorBody, 403: errorBody, 413: errorBody },
    },
  }, async (request) => {
    const user = requireAuth(request);
    const file = await readFile(request);
    const companies = await readDataFile(file.data, file.fileName, user.locale);
    const from = { source: 'file' as const, fileName: file.fileName.slice(0, 200) };
    const count = await db.transaction().execute((tx) => replaceCompanies(tx, user.tenantId, user.userId, companies, from));
    return { count, ...from };
  });

  app.post(`${base}/data/sample`, {
    config: { auth },
    schema: { tags, summary: 'Load the bundled sample registry (3,000 generated companies), replacing the offline registry', response: { 200: loadResultSchema, 403: errorBody } },
  }, async (request) => {
    const user = requireAuth(request);
    const count = await db.transaction().execute((tx) => loadSample(tx, user.tenantId, user.userId));
    return { count, source: 'sample' as const, fileName: null };
  });

  app.delete(`${base}/data`, {
    config: { auth },
    schema: { tags, summary: 'Empty the offline registry', response: { 204: z.null(), 403: errorBody } },
  }, async (request, reply) => {
    const user = requireAuth(request);
    await db.transaction().execute((tx) => clearCompanies(tx, user.tenantId, user.userId));
    return reply.status(204).send(null);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { errorBody, notFound } from '../http/errors';
import { contentDisposition } from './file-name';
import { loadFile } from './load-file';
import { IMAGE_TYPES } from './purposes';

// An uploaded file must never run as part of our origin: no script, no plugins, no forms, even
// when opened directly; images still show.
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/** Routes for uploaded files: serving them safely to users of the same company. */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  app.get('/api/v1/files/:id', {
    config: { auth: 'user' },
    schema: {
      tags: ['files'],
      summary: 'Download a stored file (avatar, attachment) of my company',
      description: 'Answers the bytes with the type found in them; images inline, anything else as an attachment.',
      params: z.object({ id: z.string().max(64) }),
      response: { 200: z.unknown().describe('The file\'s bytes'), 304: z.null().describe('Not modified (If-None-Match)'), 404: errorBody },
    },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const file = await loadFile(db, auth.tenantId, request.params.id);
    if (!file) throw notFound();
    const inline = (IMAGE_TYPES as readonly string[]).includes(file.mime_type);
    const etag = `"${file.sha256}"`;
    reply
      .header('content-type', file.mime_type === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime_type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', FILE_CSP)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.file_name))
      // Stored files never change (a new avatar is a new file), but they are not for shared caches.
      .header('cache-control', 'private, max-age=86400')
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
    return reply.send(file.data);
  });
};

import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { t } from '../i18n/messages';
import { localizeIssue } from '../i18n/zod-messages';
import { AppError } from './errors';

/** One error shape for every failure: { error: { code, message, details } }, message in the user's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = request.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: t(locale, error.messageKey, error.params), details: error.details ?? null },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '', message: localizeIssue(locale, v) }));
      const detail = issues.map((i) => `${i.path.replace(/^\//, '') || 'body'}: ${i.message}`).join('; ');
      return reply.status(400).send({ error: { code: 'validation_failed', message: t(locale, 'error.validation', { detail }), details: issues } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'internal', message: t(locale, 'error.internal'), details: null } });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) {
      return reply.status(413).send({ error: { code: 'too_large', message: t(locale, 'error.too_large', { max: 'limit' }), details: null } });
    }
    return reply.status(status).send({ error: { code: error.code ?? 'bad_request', message: error.message, details: null } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'route_not_found', message: t(request.locale ?? 'zh-CN', 'error.route_not_found'), details: null } }),
  );
}

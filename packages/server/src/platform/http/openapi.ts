import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { AuthContext } from '../auth/context';

/** The parts of the OpenAPI document a room may extend for one company (its custom fields…). */
export interface OpenApiDocument {
  components?: { schemas?: Record<string, Record<string, unknown>> };
  [key: string]: unknown;
}
/** Adds what the caller's company has beyond the standard document; gets a copy it may change. */
export type OpenApiExtender = (document: OpenApiDocument, auth: AuthContext) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    openApiExtenders: OpenApiExtender[];
  }
}

/** OpenAPI 3.1 built from the zod schemas every route declares; served at /api/openapi.json and /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Yixiao CRM API', version: '1.0.0', description: '易销 CRM 接口。Sign in with POST /api/v1/auth/token and send `Authorization: Bearer <token>`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'yx_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.decorate('openApiExtenders', []);
  // Anonymous callers get the standard document; a signed-in caller gets their company's, which
  // differs by company and so is never cached by anyone in between.
  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async (request, reply) => {
    const standard = app.swagger() as unknown as OpenApiDocument;
    reply.header('vary', 'cookie, authorization');
    if (!request.auth || app.openApiExtenders.length === 0) return standard;
    const own = structuredClone(standard);
    for (const extend of app.openApiExtenders) await extend(own, request.auth);
    reply.header('cache-control', 'private, no-store');
    return own;
  });
}

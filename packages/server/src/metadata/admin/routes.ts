import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { addCustomField } from './add-field';
import { defineCustomIndexJobs } from './custom-indexes';
import {
  adminFieldSchema, createFieldBody, errorBody, fieldParams, objectParams, objectSummarySchema, orderBody, setOptionsBody, updateFieldBody, writeErrors,
} from './field.types';
import { adminFields, type Actor } from './field-rows';
import { listObjects } from './list-objects';
import { customFieldsInOpenApi } from './openapi-custom-fields';
import { orderFields } from './order-fields';
import { setFieldRetired } from './retire-field';
import { setOptions } from './set-options';
import { updateField } from './update-field';

const tags = ['metadata: administration'];
const auth = 'metadata.manage' as const;
const actorOf = (request: FastifyRequest): Actor => ({ auth: requireAuth(request), requestId: request.id });

/**
 * 系统设置 → 对象与字段 (DESIGN.md §3): custom fields of every type, required and create-form
 * settings, picklist options, retiring and ordering fields. Every change is one transaction and one
 * entry in the operation log. Clients read the result at GET /api/v1/metadata/objects/<object>.
 */
export const metadataAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  defineCustomIndexJobs(app.jobs, db);
  app.openApiExtenders.push(customFieldsInOpenApi(db));
  const base = '/api/v1/admin/objects';

  app.get(base, {
    config: { auth },
    schema: { tags, summary: 'The objects with their numbers of standard, custom and retired fields', response: { 200: z.object({ items: z.array(objectSummarySchema) }) } },
  }, async (request) => ({ items: await listObjects(db, requireAuth(request).tenantId) }));

  app.get(`${base}/:object/fields`, {
    config: { auth },
    schema: {
      tags, summary: 'Every field of an object, retired ones included, with what may change', params: objectParams,
      response: { 200: z.object({ items: z.array(adminFieldSchema) }), 400: errorBody },
    },
  }, async (request) => ({ items: await adminFields(db, requireAuth(request).tenantId, request.params.object) }));

  app.post(`${base}/:object/fields`, {
    config: { auth },
    schema: { tags, summary: 'Add a custom field of any type', params: objectParams, body: createFieldBody, response: { 201: adminFieldSchema, ...writeErrors } },
  }, async (request, reply) => reply.status(201).send(await addCustomField(db, app.jobs, actorOf(request), request.params.object, request.body)));

  app.put(`${base}/:object/fields/order`, {
    config: { auth },
    schema: {
      tags, summary: 'Arrange the fields (forms show them in this order); list every field once', params: objectParams, body: orderBody,
      response: { 200: z.object({ items: z.array(adminFieldSchema) }), ...writeErrors },
    },
  }, async (request) => ({ items: await orderFields(db, actorOf(request), request.params.object, request.body.keys) }));

  app.patch(`${base}/:object/fields/:key`, {
    config: { auth },
    schema: {
      tags, summary: 'Change labels, required, on the create form (and for custom fields length, number format, index); the type never changes',
      params: fieldParams, body: updateFieldBody, response: { 200: adminFieldSchema, ...writeErrors },
    },
  }, async (request) => updateField(db, app.jobs, actorOf(request), request.params.object, request.params.key, request.body));

  app.put(`${base}/:object/fields/:key/options`, {
    config: { auth },
    schema: {
      tags, summary: 'Set a picklist\'s options in order: values never change; disable an option records use instead of removing it',
      params: fieldParams, body: setOptionsBody, response: { 200: adminFieldSchema, ...writeErrors },
    },
  }, async (request) => setOptions(db, actorOf(request), request.params.object, request.params.key, request.body.options));

  app.post(`${base}/:object/fields/:key/retire`, {
    config: { auth },
    schema: { tags, summary: 'Retire a custom field: it leaves forms, lists and filters; its data stays', params: fieldParams, response: { 200: adminFieldSchema, ...writeErrors } },
  }, async (request) => setFieldRetired(db, app.jobs, actorOf(request), request.params.object, request.params.key, true));

  app.post(`${base}/:object/fields/:key/restore`, {
    config: { auth },
    schema: { tags, summary: 'Bring a retired custom field back, with the values records kept', params: fieldParams, response: { 200: adminFieldSchema, ...writeErrors } },
  }, async (request) => setFieldRetired(db, app.jobs, actorOf(request), request.params.object, request.params.key, false));
};

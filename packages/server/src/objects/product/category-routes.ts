import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { errorBody } from '../../platform/http/errors';
import { categoryChangeSchema, categoryListSchema, categoryParams, newCategorySchema } from './category.types';
import { createCategory, deleteCategory, listCategories, shiftCategory, updateCategory } from './category-tree';
import './hooks';

const tags = ['product'];
const base = '/api/v1/product-categories';

/** 产品目录: the catalogue's category tree; everyone reads it, administrators (对象与字段管理) edit it. */
export const productCategoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const list = async (tenantId: string) => ({ items: await listCategories(db, tenantId) });

  app.get(base, {
    config: { auth: 'user' },
    schema: { tags, summary: '产品目录: every category with its path and how many products it holds', response: { 200: categoryListSchema } },
  }, async (request) => list(requireAuth(request).tenantId));

  app.post(base, {
    config: { auth: 'metadata.manage' },
    schema: { tags, summary: 'Add a category (at the top or under a parent); answers the whole tree', body: newCategorySchema, response: { 201: categoryListSchema.extend({ id: z.string() }), 400: errorBody, 409: errorBody } },
  }, async (request, reply) => {
    const auth = requireAuth(request);
    const id = await db.transaction().execute((tx) => createCategory(tx, auth, request.body));
    return reply.code(201).send({ id, ...(await list(auth.tenantId)) });
  });

  app.patch(`${base}/:id`, {
    config: { auth: 'metadata.manage' },
    schema: { tags, summary: 'Rename, reorder or move a category (carries its version; a move under its own subtree is refused)', params: categoryParams, body: categoryChangeSchema, response: { 200: categoryListSchema, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    await db.transaction().execute((tx) => updateCategory(tx, auth, request.params.id, request.body));
    return list(auth.tenantId);
  });

  app.post(`${base}/:id/shift`, {
    config: { auth: 'metadata.manage' },
    schema: { tags, summary: '上移 / 下移: swap a category with its neighbour among its siblings', params: categoryParams, body: z.object({ direction: z.enum(['up', 'down']) }), response: { 200: categoryListSchema, 404: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    await db.transaction().execute((tx) => shiftCategory(tx, auth, request.params.id, request.body.direction));
    return list(auth.tenantId);
  });

  app.delete(`${base}/:id`, {
    config: { auth: 'metadata.manage' },
    schema: { tags, summary: 'Delete an empty category (no subcategories, no products)', params: categoryParams, response: { 200: categoryListSchema, 404: errorBody, 409: errorBody } },
  }, async (request) => {
    const auth = requireAuth(request);
    await db.transaction().execute((tx) => deleteCategory(tx, auth, request.params.id));
    return list(auth.tenantId);
  });
};

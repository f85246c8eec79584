import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { addContact, changeContact, createContact, listContacts, removeContact } from './contact-roles';
import { addContactSchema, contactChangeSchema, contactParams, errorBody, newContactSchema, opportunityContactsSchema, opportunityParams } from './lines.types';
import { changeOpportunity, openOpportunity } from './opportunity-access';

const tags = ['opportunity'];
const base = '/api/v1/opportunity/:id/contacts';

/** 销售机会的联系人 (§3.7.5): contacts of the account, each with a role, forming the decision chain. */
export const contactRoleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;
  const answer = async (request: { params: { id: string } } & Parameters<typeof requireAuth>[0]) =>
    listContacts(db, await openOpportunity(db, requireAuth(request), request.params.id, 'read'));

  app.get(base, {
    config: { auth: 'user' },
    schema: { tags, summary: '联系人 of an opportunity with their roles (the decision chain)', params: opportunityParams, response: { 200: opportunityContactsSchema, 404: errorBody } },
  }, async (request) => answer(request));

  app.post(base, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Add a contact of the opportunity’s account with a role', params: opportunityParams, body: addContactSchema, response: { 201: opportunityContactsSchema, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (request, reply) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => addContact(tx, access, request.body));
    return reply.code(201).send(await answer(request));
  });

  app.post(`${base}/new`, {
    config: { auth: 'user' },
    schema: {
      tags, summary: '新建联系人 here: created on the opportunity’s account (validated like any contact) and added with a role',
      params: opportunityParams, body: newContactSchema, response: { 201: opportunityContactsSchema, 400: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (request, reply) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => createContact(tx, access, request.body));
    return reply.code(201).send(await answer(request));
  });

  app.patch(`${base}/:contactId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Change a contact’s role or remark on this opportunity', params: contactParams, body: contactChangeSchema, response: { 200: opportunityContactsSchema, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => changeContact(tx, access, request.params.contactId, request.body));
    return answer(request);
  });

  app.delete(`${base}/:contactId`, {
    config: { auth: 'user' },
    schema: { tags, summary: 'Take a contact off the opportunity (it stays with the account)', params: contactParams, response: { 200: opportunityContactsSchema, 403: errorBody, 404: errorBody } },
  }, async (request) => {
    await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => removeContact(tx, access, request.params.contactId));
    return answer(request);
  });
};

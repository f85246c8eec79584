import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/http/auth-hook';
import { addLink, changeLink, listLinks, removeLink } from './library-links';
import { addLinkSchema, errorBody, LINK_KINDS, linkChangeSchema, linkParams, linksSchema, opportunityParams } from './lines.types';
import { changeOpportunity, openOpportunity } from './opportunity-access';

const tags = ['opportunity'];
const WORDS = { partner: '合作伙伴', competitor: '竞争对手' } as const;

/** 合作伙伴 and 竞争对手 of an opportunity (§3.7.5), picked from their libraries, each with a note. */
export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services.database;

  for (const kind of LINK_KINDS) {
    const base = `/api/v1/opportunity/:id/${kind}s`;
    const answer = async (request: { params: { id: string } } & Parameters<typeof requireAuth>[0]) =>
      listLinks(db, kind, await openOpportunity(db, requireAuth(request), request.params.id, 'read'));

    app.get(base, {
      config: { auth: 'user' },
      schema: { tags, summary: `${WORDS[kind]} of an opportunity with the note on each`, params: opportunityParams, response: { 200: linksSchema, 404: errorBody } },
    }, async (request) => answer(request));

    app.post(base, {
      config: { auth: 'user' },
      schema: { tags, summary: `Pick a ${kind} from the ${WORDS[kind]} library for the opportunity`, params: opportunityParams, body: addLinkSchema, response: { 201: linksSchema, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    }, async (request, reply) => {
      await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => addLink(tx, kind, access, request.body));
      return reply.code(201).send(await answer(request));
    });

    app.patch(`${base}/:targetId`, {
      config: { auth: 'user' },
      schema: { tags, summary: `Change the note on a ${kind} of the opportunity`, params: linkParams, body: linkChangeSchema, response: { 200: linksSchema, 400: errorBody, 403: errorBody, 404: errorBody } },
    }, async (request) => {
      await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => changeLink(tx, kind, access, request.params.targetId, request.body.note));
      return answer(request);
    });

    app.delete(`${base}/:targetId`, {
      config: { auth: 'user' },
      schema: { tags, summary: `Take a ${kind} off the opportunity (it stays in the library)`, params: linkParams, response: { 200: linksSchema, 403: errorBody, 404: errorBody } },
    }, async (request) => {
      await changeOpportunity(db, requireAuth(request), request.params.id, request.id, (tx, access) => removeLink(tx, kind, access, request.params.targetId));
      return answer(request);
    });
  }
};

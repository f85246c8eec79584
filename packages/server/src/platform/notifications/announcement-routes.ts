import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { getAnnouncement, listAllAnnouncements, listVisibleAnnouncements, postAnnouncement } from './announcements';
import { departmentsWithMembers } from './departments';
import { announcementPage, announcementSchema, audienceDepartment, errorBody, idParams, newAnnouncement, pageQuery } from './schemas';

/** 部门公告 (§2.1): administrators post, everyone reads those addressed to them. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const { db } = database;
  const tags = ['announcements'];

  app.post('/api/v1/announcements', {
    config: { auth: 'announcement.post' },
    schema: {
      tags, summary: 'Post an announcement to the company or a department (and all below it); notifies them',
      body: newAnnouncement,
      response: { 201: z.object({ announcement: announcementSchema, recipients: z.number().int() }), 400: errorBody },
    },
  }, async (request, reply) => {
    const result = await postAnnouncement(db, requireAuth(request), request.body, { appUrl: config.publicUrl, requestId: request.id });
    return reply.status(201).send(result);
  });

  app.get('/api/v1/announcements', {
    config: { auth: 'user' },
    schema: { tags, summary: 'Announcements addressed to me, newest first', querystring: z.object(pageQuery), response: { 200: announcementPage } },
  }, async (request) => listVisibleAnnouncements(db, requireAuth(request), request.query));

  app.get('/api/v1/announcements/all', {
    config: { auth: 'announcement.post' },
    schema: { tags, summary: 'Every announcement of the company', querystring: z.object(pageQuery), response: { 200: announcementPage } },
  }, async (request) => listAllAnnouncements(db, requireAuth(request), request.query));

  app.get('/api/v1/announcements/departments', {
    config: { auth: 'announcement.post' },
    schema: { tags, summary: 'Departments an announcement can go to, with their active members', response: { 200: z.object({ items: z.array(audienceDepartment) }) } },
  }, async (request) => ({ items: await departmentsWithMembers(db, requireAuth(request).tenantId) }));

  app.get('/api/v1/announcements/:id', {
    config: { auth: 'user' },
    schema: { tags, summary: 'One announcement addressed to me', params: idParams, response: { 200: announcementSchema, 404: errorBody } },
  }, async (request) => getAnnouncement(db, requireAuth(request), request.params.id));
};

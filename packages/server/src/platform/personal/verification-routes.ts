import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../http/auth-hook';
import { confirmEmailVerification, requestEmailVerification } from './email-verification';
import { confirmMobileVerification, requestMobileVerification } from './mobile-verification';
import { emailRequest, emailRequested, errorBody, mobileConfirm, mobileRequest, mobileRequested } from './schemas';
import { logSmsSender } from './sms';

/** 个人设置 → 安全验证 (§2.2): a verified email or mobile becomes a sign-in name. */
export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, config } = app.services;
  const { db } = database;
  const sms = app.services.sms ?? logSmsSender(app.log);

  app.post('/api/v1/me/email-verification', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Send a verification link to an email address (valid 24 hours)',
      body: emailRequest, response: { 202: emailRequested, 400: errorBody, 409: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const actor = { ...requireAuth(request), requestId: request.id };
    const sent = await db.transaction().execute((tx) => requestEmailVerification(tx, actor, request.body.email, config.publicUrl));
    return reply.status(202).send(sent);
  });

  app.post('/api/v1/auth/verify-email', {
    config: { auth: 'public' },
    schema: {
      tags: ['auth'], summary: 'Confirm an email address with the token from the verification link',
      description: 'Public: the token is the credential, so the link works in any browser, signed in or not.',
      body: z.object({ token: z.string().min(1).max(300) }),
      response: { 200: z.object({ email: z.string() }), 400: errorBody, 409: errorBody },
    },
  }, async (request) => db.transaction().execute((tx) => confirmEmailVerification(tx, request.body.token, request.id)));

  app.post('/api/v1/me/mobile-verification', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Text a six-digit code to a mobile number (valid 10 minutes, 5 tries)',
      body: mobileRequest, response: { 202: mobileRequested, 400: errorBody, 409: errorBody, 429: errorBody },
    },
  }, async (request, reply) => {
    const actor = { ...requireAuth(request), requestId: request.id };
    const { sms: message, ...sent } = await db.transaction().execute((tx) => requestMobileVerification(tx, actor, request.body.mobile));
    // After commit: the code exists before the user can read it.
    await sms.send(message);
    return reply.status(202).send(sent);
  });

  app.post('/api/v1/me/mobile-verification/confirm', {
    config: { auth: 'user' },
    schema: {
      tags: ['personal'], summary: 'Confirm my mobile with the code it received',
      body: mobileConfirm, response: { 200: z.object({ mobile: z.string() }), 400: errorBody, 409: errorBody, 429: errorBody },
    },
  }, async (request) => confirmMobileVerification(db, { ...requireAuth(request), requestId: request.id }, request.body.code));
};

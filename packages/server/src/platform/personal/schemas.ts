import { EMAIL_EVENTS, LOCALES, MENU_ITEMS } from '@yixiao/core';
import { z } from 'zod';

/** Request and response shapes of the personal-settings endpoints (they feed the OpenAPI document). */
export { errorBody } from '../http/errors';

export const profileSchema = z.object({
  login: z.string(),
  name: z.string().describe('Managed by administrators'),
  departmentName: z.string(),
  title: z.string().nullable(),
  resume: z.string().nullable(),
  locale: z.enum(LOCALES),
  avatarUrl: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  pendingEmail: z.string().nullable().describe('Address a verification link was sent to and not yet opened'),
  mobile: z.string().nullable(),
  mobileVerified: z.boolean(),
  pendingMobile: z.string().nullable(),
  version: z.number().int(),
});

export const profilePatch = z.strictObject({
  title: z.string().max(100).nullable().optional(),
  resume: z.string().max(5000).nullable().optional(),
  locale: z.enum(LOCALES).optional(),
  version: z.number().int().optional().describe('The version read; a stale one answers 409'),
});

export const menuSchema = z.object({
  items: z.array(z.enum(MENU_ITEMS)),
  isDefault: z.boolean(),
  available: z.array(z.enum(MENU_ITEMS)),
});
export const menuPut = z.object({ items: z.array(z.enum(MENU_ITEMS)).min(1).max(MENU_ITEMS.length) });

const subscriptionMap = z.object(Object.fromEntries(EMAIL_EVENTS.map((e) => [e, z.boolean()])) as Record<(typeof EMAIL_EVENTS)[number], z.ZodBoolean>);
export const subscriptionsSchema = z.object({
  subscriptions: subscriptionMap,
  verifiedEmail: z.string().nullable().describe('Reminders go to this address; null until an email is verified'),
});
export const subscriptionsPut = z.object({ subscriptions: subscriptionMap });

export const emailRequest = z.object({ email: z.email().max(200) });
export const emailRequested = z.object({ email: z.string(), expiresAt: z.string() });
export const mobileRequest = z.object({ mobile: z.string().min(6).max(30) });
export const mobileRequested = z.object({ mobile: z.string(), expiresAt: z.string() });
export const mobileConfirm = z.object({ code: z.string().regex(/^\s*\d{6}\s*$/) });

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('First characters of the secret part, to recognise the key'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

import { z } from 'zod';
import type { MessageKey } from '../i18n/messages';

/** An error the client should see: HTTP status, stable code, and a message key rendered in the user's language. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey | string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'error.not_found');
export const forbidden = () => new AppError(403, 'forbidden', 'error.forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'error.unauthenticated');
export const versionConflict = () => new AppError(409, 'version_conflict', 'error.version_conflict');
export const invalid = (messageKey: string, params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError(400, 'invalid', messageKey, params, details);

/** The one error shape every route answers with, for route schemas and the OpenAPI document. */
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) });

import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors';

/**
 * Browsers send no CSRF header on a WebSocket upgrade but always send Origin, so Origin is the guard
 * against a foreign page opening a socket with the user's cookie: it must be the app's own origin
 * (PUBLIC_URL, or the host the request was made to, the same rule as state-changing requests).
 * Only a bearer client (no cookie, not a browser) may omit it.
 */
export function assertAppOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (!origin) {
    if (request.auth?.session) throw new AppError(403, 'bad_origin', 'error.origin');
    return;
  }
  const allowed = [new URL(publicUrl).origin, `${request.protocol}://${request.host}`];
  if (!allowed.includes(origin)) throw new AppError(403, 'bad_origin', 'error.origin');
}

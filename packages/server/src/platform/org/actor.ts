import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/context';
import { requireAuth } from '../http/auth-hook';

/** Who performs an organisation change, and the request it belongs to (for the operation log). */
export interface Actor {
  auth: AuthContext;
  requestId: string;
}

export const actorOf = (request: FastifyRequest): Actor => ({ auth: requireAuth(request), requestId: request.id });

export const auditBase = (actor: Actor) => ({ tenantId: actor.auth.tenantId, actorId: actor.auth.userId, requestId: actor.requestId });
